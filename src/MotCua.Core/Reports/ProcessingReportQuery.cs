using Microsoft.EntityFrameworkCore;
using MotCua.Core.Common;
using MotCua.Core.Data;
using MotCua.Core.Dossiers;
using MotCua.Core.Organisation;
using MotCua.Domain.Dossiers;
using MotCua.Domain.Reports;

namespace MotCua.Core.Reports;

/// <summary>The processing report (form 06) of a unit subtree for a period, with the unit and period it covers.</summary>
public sealed record ProcessingReportView(
    Guid UnitId,
    string UnitName,
    DateOnly From,
    DateOnly To,
    ReceivedFigures Received,
    ResolvedFigures Resolved,
    InProgressFigures InProgress,
    int ReturnedForSupplement,
    int Withdrawn)
{
    /// <summary>The figures in the form's column order, each with the cell its dossiers are listed under.</summary>
    public IReadOnlyList<(ReportCell Cell, int Value)> Figures() =>
    [
        (ReportCell.Received, Received.Total), (ReportCell.Online, Received.Online), (ReportCell.DirectOrPostal, Received.DirectOrPostal),
        (ReportCell.CarriedOver, Received.CarriedOver),
        (ReportCell.Resolved, Resolved.Total), (ReportCell.Early, Resolved.Early), (ReportCell.OnTime, Resolved.OnTime), (ReportCell.Late, Resolved.Late),
        (ReportCell.InProgress, InProgress.Total), (ReportCell.WithinDeadline, InProgress.WithinDeadline), (ReportCell.Overdue, InProgress.Overdue),
        (ReportCell.ReturnedForSupplement, ReturnedForSupplement), (ReportCell.Withdrawn, Withdrawn),
    ];
}

/// <summary>One dossier behind a figure of the report.</summary>
public sealed record ReportLine(
    string Code,
    string ProcedureName,
    string ApplicantName,
    Channel Channel,
    DossierStatus Status,
    DateTimeOffset ReceivedAt,
    DateTimeOffset? DueAt,
    DateTimeOffset? FinishedAt,
    Timeliness? Timeliness);

/// <summary>
/// Reads the dossiers a processing report counts: those whose lead agency is in the unit's subtree (a dossier
/// handled by several agencies counts once, under its lead agency), received before the period's end and not
/// finished before its start. Refusals at the desk were never received and are not counted.
/// </summary>
public sealed class ProcessingReportQuery(MotCuaDbContext db, UnitTreeSource trees)
{
    /// <summary>The longest period one report covers.</summary>
    public const int MaxDays = 366;

    public static ReportPeriod ParsePeriod(string? from, string? to)
    {
        var validation = new Validation();
        var start = validation.Date("from", from, "ngày bắt đầu", required: true);
        var end = validation.Date("to", to, "ngày kết thúc", required: true);
        if (start is { } s && end is { } e)
        {
            if (e < s)
            {
                validation.Add("to", "Ngày kết thúc phải không trước ngày bắt đầu.");
            }
            else if (e.DayNumber - s.DayNumber + 1 > MaxDays)
            {
                validation.Add("to", $"Một báo cáo bao gồm tối đa {MaxDays} ngày.");
            }
        }
        validation.ThrowIfInvalid();
        return new ReportPeriod(start!.Value, end!.Value);
    }

    public async Task<ProcessingReportView> GetAsync(Guid unitId, ReportPeriod period, CancellationToken cancellationToken)
    {
        var (unit, units) = await SubtreeAsync(trees, unitId, cancellationToken);
        var figures = (await FigureQuery.SumAsync(db, units, period, cancellationToken)).Processing();
        return new ProcessingReportView(unitId, unit.Name, period.From, period.To,
            figures.Received, figures.Resolved, figures.InProgress, figures.ReturnedForSupplement, figures.Withdrawn);
    }

    /// <summary>The dossiers behind one figure of the report (drill-down), most recently received first.</summary>
    public async Task<IReadOnlyList<ReportLine>> ListAsync(Guid unitId, ReportPeriod period, ReportCell cell, CancellationToken cancellationToken)
    {
        var (_, units) = await SubtreeAsync(trees, unitId, cancellationToken);
        var rows = await LoadAsync(units, period, cancellationToken);
        return rows.Where(r => (ProcessingReport.Cells(r.Facts, period) & cell) != ReportCell.None)
            .Select(r => r.Line)
            .OrderByDescending(l => l.ReceivedAt)
            .ToList();
    }

    private async Task<List<(ReportedDossier Facts, ReportLine Line)>> LoadAsync(List<Guid> units, ReportPeriod period, CancellationToken cancellationToken)
    {
        var (start, end) = (period.Start, period.End);
        var supplementAction = DossierAction.RequestSupplement.Key();
        var rows = await Reported(db, units, period)
            .Select(d => new
            {
                d.Code,
                d.ProcedureName,
                d.ApplicantName,
                ReceivedAt = d.ReceivedAt!.Value,
                d.Channel,
                d.Status,
                d.FinishedAt,
                d.Timeliness,
                d.DueAt,
                Supplement = db.Set<DossierEvent>().Any(e => e.DossierId == d.Id && e.Action == supplementAction && e.At >= start && e.At < end),
            })
            .ToListAsync(cancellationToken);
        return rows.Select(r => (
            new ReportedDossier(r.ReceivedAt, r.Channel, r.Status, r.FinishedAt, r.Timeliness, r.DueAt, r.Supplement),
            new ReportLine(r.Code!, r.ProcedureName, r.ApplicantName, r.Channel, r.Status, r.ReceivedAt, r.DueAt, r.FinishedAt, r.Timeliness))).ToList();
    }

    /// <summary>
    /// The dossiers a report of the units (lead agencies) for the period counts: received before its end and
    /// not finished before its start; never the ones refused or returned for completion at the desk.
    /// </summary>
    public static IQueryable<Dossier> Reported(MotCuaDbContext db, IReadOnlyCollection<Guid> units, ReportPeriod period)
    {
        var (start, end) = (period.Start, period.End);
        return db.Set<Dossier>().AsNoTracking()
            .Where(d => units.Contains(d.ProcessingUnitId) && !FigureLedger.NeverReceived.Contains(d.Status)
                && d.ReceivedAt != null && d.ReceivedAt < end && (d.FinishedAt == null || d.FinishedAt >= start));
    }

    /// <summary>The unit and its subtree, or 404.</summary>
    public static async Task<(UnitNode Unit, List<Guid> Units)> SubtreeAsync(UnitTreeSource trees, Guid unitId, CancellationToken cancellationToken)
    {
        var tree = await trees.GetAsync(cancellationToken);
        var unit = tree.Find(unitId) ?? throw ProblemException.NotFound("đơn vị");
        return (unit, tree.Subtree(unitId).Select(u => u.Id).ToList());
    }
}
