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

    /// <summary>The cells of the form a dossier is counted in (none when it does not belong to the period).</summary>
    public static ReportCell Cells(ReportedDossier dossier, ReportPeriod period)
    {
        if (!Belongs(dossier, period))
        {
            return ReportCell.None;
        }
        var cells = dossier.ReceivedAt < period.Start ? ReportCell.CarriedOver
            : dossier.Channel == Channel.Online ? ReportCell.Online
            : ReportCell.DirectOrPostal;
        if (dossier.FinishedAt is { } finished && finished < period.End)
        {
            cells |= Class(dossier, finished) switch
            {
                Timeliness.Early => ReportCell.Early,
                Timeliness.OnTime => ReportCell.OnTime,
                _ => ReportCell.Late,
            };
            if (dossier.Status == DossierStatus.Withdrawn)
            {
                cells |= ReportCell.Withdrawn;
            }
        }
        else
        {
            // Due after the period, or the clock stopped (suspended, waiting for a supplement) with time left: within.
            cells |= dossier.DueAt is { } due && due <= period.End ? ReportCell.Overdue : ReportCell.WithinDeadline;
        }
        if (dossier.SupplementRequestedInPeriod)
        {
            cells |= ReportCell.ReturnedForSupplement;
        }
        return cells;
    }

    /// <summary>
    /// How a finished dossier is classed: its stored timeliness (set when processing ended, more than one
    /// supplement request already late), else against its due moment; one finished without either (an imported
    /// withdrawal that never had a deadline) is on time. Form 06 and the 766 progress ratio both use this.
    /// </summary>
    public static Timeliness Class(ReportedDossier dossier, DateTimeOffset finishedAt) =>
        dossier.Timeliness ?? (dossier.DueAt is { } due ? TimelinessRules.Classify(finishedAt, due) : Timeliness.OnTime);

    public static ProcessingFigures Tally(IEnumerable<ReportedDossier> dossiers, ReportPeriod period)
    {
        var counts = new Dictionary<ReportCell, int>();
        foreach (var dossier in dossiers)
        {
            var cells = Cells(dossier, period);
            foreach (var cell in ReportCells.Columns)
            {
                if (cells.HasFlag(cell))
                {
                    counts[cell] = counts.GetValueOrDefault(cell) + 1;
                }
            }
        }
        int Count(ReportCell cell) => counts.GetValueOrDefault(cell);
        return new ProcessingFigures(
            new ReceivedFigures(Count(ReportCell.Online) + Count(ReportCell.DirectOrPostal) + Count(ReportCell.CarriedOver),
                Count(ReportCell.Online), Count(ReportCell.DirectOrPostal), Count(ReportCell.CarriedOver)),
            new ResolvedFigures(Count(ReportCell.Early) + Count(ReportCell.OnTime) + Count(ReportCell.Late),
                Count(ReportCell.Early), Count(ReportCell.OnTime), Count(ReportCell.Late)),
            new InProgressFigures(Count(ReportCell.WithinDeadline) + Count(ReportCell.Overdue), Count(ReportCell.WithinDeadline), Count(ReportCell.Overdue)),
            Count(ReportCell.ReturnedForSupplement),
            Count(ReportCell.Withdrawn));
    }
}

/// <summary>The cells of form 06 a dossier can be counted in; the totals are unions of them.</summary>
[Flags]
public enum ReportCell
{
    None = 0,
    Online = 1,
    DirectOrPostal = 2,
    CarriedOver = 4,
    Early = 8,
    OnTime = 16,
    Late = 32,
    WithinDeadline = 64,
    Overdue = 128,
    ReturnedForSupplement = 256,
    Withdrawn = 512,
    Received = Online | DirectOrPostal | CarriedOver,
    Resolved = Early | OnTime | Late,
    InProgress = WithinDeadline | Overdue,
}

public static class ReportCells
{
    /// <summary>The single cells, in the form's column order.</summary>
    public static readonly ReportCell[] Columns =
    [
        ReportCell.Online, ReportCell.DirectOrPostal, ReportCell.CarriedOver, ReportCell.Early, ReportCell.OnTime, ReportCell.Late,
        ReportCell.WithinDeadline, ReportCell.Overdue, ReportCell.ReturnedForSupplement, ReportCell.Withdrawn,
    ];

    private static readonly (ReportCell Cell, string Key, string Name)[] Names =
    [
        (ReportCell.Received, "received", "Hồ sơ tiếp nhận"),
        (ReportCell.Online, "online", "Tiếp nhận trực tuyến"),
        (ReportCell.DirectOrPostal, "direct_or_postal", "Tiếp nhận trực tiếp, qua bưu chính"),
        (ReportCell.CarriedOver, "carried_over", "Từ kỳ trước chuyển qua"),
        (ReportCell.Resolved, "resolved", "Đã giải quyết"),
        (ReportCell.Early, "early", "Giải quyết trước hạn"),
        (ReportCell.OnTime, "on_time", "Giải quyết đúng hạn"),
        (ReportCell.Late, "late", "Giải quyết quá hạn"),
        (ReportCell.InProgress, "in_progress", "Đang giải quyết"),
        (ReportCell.WithinDeadline, "within_deadline", "Đang giải quyết trong hạn"),
        (ReportCell.Overdue, "overdue", "Đang giải quyết quá hạn"),
        (ReportCell.ReturnedForSupplement, "returned_for_supplement", "Trả lại, yêu cầu bổ sung"),
        (ReportCell.Withdrawn, "withdrawn", "Rút hồ sơ"),
    ];

    public static string Key(this ReportCell cell) => Names.Single(n => n.Cell == cell).Key;

    public static string Vietnamese(this ReportCell cell) => Names.Single(n => n.Cell == cell).Name;

    public static bool TryParse(string? key, out ReportCell cell)
    {
        cell = Names.FirstOrDefault(n => n.Key == key).Cell;
        return cell != ReportCell.None;
    }
}
