using MotCua.Domain.Dossiers;

namespace MotCua.Domain.Reports;

/// <summary>A reporting period of local (Vietnam) dates, both ends included.</summary>
public readonly record struct ReportPeriod(DateOnly From, DateOnly To)
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    /// <summary>The first instant of the period: 00:00 of <see cref="From"/> in Vietnam.</summary>
    public DateTimeOffset Start => new(From.ToDateTime(TimeOnly.MinValue), Vietnam);

    /// <summary>The first instant after the period: 00:00 of the day after <see cref="To"/> in Vietnam.</summary>
    public DateTimeOffset End => new(To.AddDays(1).ToDateTime(TimeOnly.MinValue), Vietnam);
}

/// <summary>What the processing report needs to know of one dossier of the lead agency.</summary>
public sealed record ReportedDossier(
    DateTimeOffset ReceivedAt,
    Channel Channel,
    DossierStatus Status,
    DateTimeOffset? FinishedAt,
    Timeliness? Timeliness,
    DateTimeOffset? DueAt,
    bool SupplementRequestedInPeriod);

public sealed record ReceivedFigures(int Total, int Online, int DirectOrPostal, int CarriedOver);

public sealed record ResolvedFigures(int Total, int Early, int OnTime, int Late);

public sealed record InProgressFigures(int Total, int WithinDeadline, int Overdue);

/// <summary>The figures of form 06 (Circular 01/2018/TT-VPCP), plus the "of which" counts the province reports.</summary>
public sealed record ProcessingFigures(
    ReceivedFigures Received,
    ResolvedFigures Resolved,
    InProgressFigures InProgress,
    int ReturnedForSupplement,
    int Withdrawn);

/// <summary>
/// Counts a period's dossiers into form 06 (DOMAIN.md "Reports"): received = online + direct or postal +
/// carried over (received before the period, unfinished at its start) = resolved + in progress. Resolved
/// dossiers reached an end state in the period (result ready or returned, withdrawn, stopped) and are classed
/// by their finish moment; the others are classed at the period's end against the due moment in force.
/// </summary>
public static class ProcessingReport
{
    /// <summary>Whether a dossier belongs to the period's report at all: received before its end and not finished before its start.</summary>
    public static bool Belongs(ReportedDossier dossier, ReportPeriod period) =>
        dossier.ReceivedAt < period.End && (dossier.FinishedAt is not { } finished || finished >= period.Start);

    public static ProcessingFigures Tally(IEnumerable<ReportedDossier> dossiers, ReportPeriod period)
    {
        int online = 0, direct = 0, carried = 0, early = 0, onTime = 0, late = 0, within = 0, overdue = 0, supplements = 0, withdrawn = 0;
        foreach (var dossier in dossiers)
        {
            if (!Belongs(dossier, period))
            {
                continue;
            }
            if (dossier.ReceivedAt < period.Start)
            {
                carried++;
            }
            else if (dossier.Channel == Channel.Online)
            {
                online++;
            }
            else
            {
                direct++;
            }

            if (dossier.FinishedAt is { } finished && finished < period.End)
            {
                var timeliness = dossier.Timeliness
                    ?? (dossier.DueAt is { } due ? TimelinessRules.Classify(finished, due) : Timeliness.OnTime);
                switch (timeliness)
                {
                    case Timeliness.Early:
                        early++;
                        break;
                    case Timeliness.OnTime:
                        onTime++;
                        break;
                    default:
                        late++;
                        break;
                }
                if (dossier.Status == DossierStatus.Withdrawn)
                {
                    withdrawn++;
                }
            }
            else if (dossier.DueAt is { } due && due <= period.End)
            {
                overdue++;
            }
            else
            {
                // Due after the period, or the clock stopped (suspended, waiting for a supplement) with time left.
                within++;
            }
            if (dossier.SupplementRequestedInPeriod)
            {
                supplements++;
            }
        }
        return new ProcessingFigures(
            new ReceivedFigures(online + direct + carried, online, direct, carried),
            new ResolvedFigures(early + onTime + late, early, onTime, late),
            new InProgressFigures(within + overdue, within, overdue),
            supplements,
            withdrawn);
    }
}
