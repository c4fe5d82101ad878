using Microsoft.EntityFrameworkCore;
using MotCua.Core.Calendar;
using MotCua.Core.Catalogue;
using MotCua.Core.Data;
using MotCua.Core.Organisation;
using MotCua.Domain.Calendar;
using MotCua.Domain.Reports;

namespace MotCua.Core.Reports;

/// <summary>The Decision 766 index of a unit subtree for a period, with the unit and period it covers.</summary>
public sealed record ServiceIndexView(Guid UnitId, string UnitName, DateOnly From, DateOnly To, ServiceIndexResult Index, IReadOnlyList<TargetView> Targets);

/// <summary>One month of a trend: the index total (out of the applicable points) and the on-time rate.</summary>
public sealed record MonthlyIndex(DateOnly From, DateOnly To, decimal? Total, decimal ApplicableMax, decimal? OnTimeRate);

/// <summary>A unit with the targets it has not met.</summary>
public sealed record OffTrackUnit(Guid UnitId, string UnitName, IReadOnlyList<TargetView> Missed);

/// <summary>A unit's place among the units of its kind.</summary>
public sealed record RankedUnit(int Rank, Guid UnitId, string UnitName, decimal? Total, decimal ApplicableMax);

/// <summary>
/// A rate next to the unit's target for the year: the central target, or the previous year's result + 10% when
/// that was already above it (<see cref="Targets.ForUnit"/>).
/// </summary>
public sealed record TargetView(string ItemKey, string Name, decimal Central, decimal? PreviousYear, decimal Target, decimal? Rate, bool? Met, string? OverrideReason);

/// <summary>
/// Gathers what the 766 index counts. Dossier figures are the lead agencies' (the unit's subtree); catalogue
/// figures are the province's catalogue in force, which every unit applies. Figures of modules not built yet
/// (online payment, feedback and ratings, certified copies, the citizen data store, the population database)
/// have nothing to count and show as not applicable.
/// </summary>
public sealed class ServiceIndexQuery(MotCuaDbContext db, UnitTreeSource trees, CatalogueIndex catalogue, CalendarProvider calendars, TargetService targetSettings)
{
    private const int AnnouncementLeadDays = 5;
    private const int PublicationDays = 5;

    private (List<ProcedureVersion> Versions, HashSet<string> OnlineCodes)? _inForce;

    public async Task<ServiceIndexView> GetAsync(Guid unitId, ReportPeriod period, CancellationToken cancellationToken)
    {
        var (unit, units) = await ProcessingReportQuery.SubtreeAsync(trees, unitId, cancellationToken);
        var lastYear = LastYear(period);
        return await ViewAsync(unit, period, await FigureQuery.SumAsync(db, units, period, cancellationToken),
            await FigureQuery.SumAsync(db, units, lastYear, cancellationToken), cancellationToken);
    }

    /// <summary>The index of a unit with its year's targets (the previous year's result decides them, <see cref="Targets.ForUnit"/>).</summary>
    private async Task<ServiceIndexView> ViewAsync(UnitNode unit, ReportPeriod period, FigureSums current, FigureSums lastYear, CancellationToken cancellationToken)
    {
        var index = await ComputeAsync(current, cancellationToken);
        var previous = await ComputeAsync(lastYear, cancellationToken);
        var (central, overrides) = await targetSettings.ForUnitAsync(period.From.Year, unit.Id, cancellationToken);
        var targets = Targets.Central.Select(t =>
        {
            var before = Item(previous, t.ItemKey).Rate;
            var (target, reason) = overrides.TryGetValue(t.ItemKey, out var chosen)
                ? (chosen.Value, chosen.Reason)
                : (Targets.ForUnit(central[t.ItemKey], before), (string?)null);
            var rate = Item(index, t.ItemKey).Rate;
            return new TargetView(t.ItemKey, t.Name, central[t.ItemKey], before, target, rate, Targets.Met(rate, target), reason);
        }).ToList();
        return new ServiceIndexView(unit.Id, unit.Name, period.From, period.To, index, targets);
    }

    private static ReportPeriod LastYear(ReportPeriod period) =>
        new(new DateOnly(period.From.Year - 1, 1, 1), new DateOnly(period.From.Year - 1, 12, 31));

    /// <summary>The figures of each unit's subtree for the period, from one read of all their counters.</summary>
    private async Task<List<FigureSums>> SumsPerSubtreeAsync(UnitTree tree, IReadOnlyList<UnitNode> units, ReportPeriod period, CancellationToken cancellationToken)
    {
        var subtrees = units.Select(u => tree.Subtree(u.Id).Select(s => s.Id).ToHashSet()).ToList();
        var cells = await FigureQuery.CellsAsync(db, subtrees.SelectMany(s => s).Distinct().ToList(), period, byUnit: true, cancellationToken);
        return subtrees.Select(subtree => FigureSums.Of(cells.Where(c => subtree.Contains(c.Key.UnitId)), period)).ToList();
    }

    /// <summary>
    /// Units of the same kind as <paramref name="unitId"/> (commune with communes, department with departments)
    /// ranked by their index total for the period, best first; units with nothing applicable come last.
    /// </summary>
    public async Task<IReadOnlyList<RankedUnit>> RankAsync(Guid unitId, ReportPeriod period, CancellationToken cancellationToken)
    {
        var tree = await trees.GetAsync(cancellationToken);
        var unit = tree.Find(unitId) ?? throw Common.ProblemException.NotFound("đơn vị");
        var peers = tree.All().Where(u => u.Kind == unit.Kind && u.IsActive).ToList();
        var sums = await SumsPerSubtreeAsync(tree, peers, period, cancellationToken);
        var scored = new List<(UnitNode Unit, ServiceIndexResult Index)>();
        for (var i = 0; i < peers.Count; i++)
        {
            scored.Add((peers[i], await ComputeAsync(sums[i], cancellationToken)));
        }
        return scored
            .OrderByDescending(s => s.Index.Total ?? -1)
            .Select((s, i) => new RankedUnit(i + 1, s.Unit.Id, s.Unit.Name, s.Index.Total, s.Index.ApplicableMax))
            .ToList();
    }

    /// <summary>
    /// The units among <paramref name="unitIds"/> with at least one target not met over <paramref name="period"/>
    /// (a rate that is not applicable is neither met nor missed), worst first.
    /// </summary>
    public async Task<IReadOnlyList<OffTrackUnit>> OffTrackAsync(IEnumerable<Guid> unitIds, ReportPeriod period, CancellationToken cancellationToken)
    {
        var tree = await trees.GetAsync(cancellationToken);
        var units = unitIds.Distinct().Select(id => tree.Find(id) ?? throw Common.ProblemException.NotFound("đơn vị")).ToList();
        var lastYear = LastYear(period);
        var current = await SumsPerSubtreeAsync(tree, units, period, cancellationToken);
        var previous = await SumsPerSubtreeAsync(tree, units, lastYear, cancellationToken);
        var result = new List<OffTrackUnit>();
        for (var i = 0; i < units.Count; i++)
        {
            var view = await ViewAsync(units[i], period, current[i], previous[i], cancellationToken);
            var missed = view.Targets.Where(t => t.Met == false).ToList();
            if (missed.Count > 0)
            {
                result.Add(new OffTrackUnit(units[i].Id, units[i].Name, missed));
            }
        }
        return result.OrderByDescending(u => u.Missed.Count).ThenBy(u => u.UnitName, StringComparer.Ordinal).ToList();
    }

    /// <summary>The index month by month over the twelve months ending with the month of <paramref name="last"/>.</summary>
    public async Task<IReadOnlyList<MonthlyIndex>> TrendAsync(Guid unitId, DateOnly last, CancellationToken cancellationToken)
    {
        var (_, units) = await ProcessingReportQuery.SubtreeAsync(trees, unitId, cancellationToken);
        var months = new List<MonthlyIndex>(12);
        var lastMonth = new DateOnly(last.Year, last.Month, 1);
        var first = lastMonth.AddMonths(-11);
        var cells = await FigureQuery.MonthCellsAsync(db, units, first, lastMonth, cancellationToken);
        for (var month = first; month <= lastMonth; month = month.AddMonths(1))
        {
            var period = new ReportPeriod(month, month.AddMonths(1).AddDays(-1));
            var index = await ComputeAsync(FigureSums.Of(cells, period), cancellationToken);
            months.Add(new MonthlyIndex(period.From, period.To, index.Total, index.ApplicableMax, Item(index, "2.1").Rate));
        }
        return months;
    }

    private static IndexItem Item(ServiceIndexResult index, string key) => index.Groups.SelectMany(g => g.Items).Single(i => i.Key == key);

    private async Task<ServiceIndexResult> ComputeAsync(FigureSums sums, CancellationToken cancellationToken)
    {
        var period = sums.Period;
        var onTime = sums.OnTime();

        var (versions, online) = await InForceAsync(cancellationToken);
        var calendar = await calendars.DefaultAsync(cancellationToken);
        var announced = versions.Where(v => v.DecisionDate is { } date && date >= period.From && date <= period.To).ToList();

        var inputs = new ServiceIndexInputs
        {
            AnnouncedOnTime = Count(announced.Where(v => v.LegalBasisEffectiveDate is not null).ToList(),
                v => v.DecisionDate <= Back(calendar, v.LegalBasisEffectiveDate!.Value, AnnouncementLeadDays)),
            PublishedOnTime = Count(announced, v => v.PublishedOnNationalDatabase is { } published && published <= Forward(calendar, v.DecisionDate!.Value, PublicationDays)),
            CompleteContent = Count(versions, IsComplete),
            SyncedToNpsp = sums.Synced,
            OnTime = onTime,
            ProceduresOnline = new Ratio(online.Count, versions.Count),
            OnlineProceduresUsed = new Ratio(online.Count(sums.OnlineProceduresUsed.Contains), online.Count),
            OnlineDossiers = sums.Online,
            Late = new Ratio(onTime.Denominator - onTime.Numerator, onTime.Denominator),
            Complained = new Ratio(0, onTime.Denominator),
            ElectronicResults = sums.ElectronicResults,
            DigitisedDossiers = sums.Digitised,
        };
        return ServiceIndex.Compute(inputs);
    }

    /// <summary>
    /// The catalogue in force and the codes of its procedures offered online, read once per request: a page
    /// computes the index for several periods and units, all against the same catalogue.
    /// </summary>
    private async Task<(List<ProcedureVersion> Versions, HashSet<string> OnlineCodes)> InForceAsync(CancellationToken cancellationToken)
    {
        if (_inForce is { } known)
        {
            return known;
        }
        var snapshot = await catalogue.GetAsync(cancellationToken);
        var codes = snapshot.Entries.Where(e => !e.Summary.Abolished).ToDictionary(e => e.VersionId, e => e.Summary.Code);
        var ids = codes.Keys.ToList();
        var versions = await db.ProcedureVersions.AsNoTracking().Where(v => ids.Contains(v.Id)).ToListAsync(cancellationToken);
        var online = versions.Where(v => v.OnlineLevel != OnlineLevel.None).Select(v => codes[v.Id]).ToHashSet(StringComparer.Ordinal);
        _inForce = (versions, online);
        return _inForce.Value;
    }

    /// <summary>Name, steps, components, processing time, applicants, agency and result: what Decree 63/2010 requires to be published.</summary>
    private static bool IsComplete(ProcedureVersion v) =>
        !string.IsNullOrWhiteSpace(v.Name) && !string.IsNullOrWhiteSpace(v.ImplementationSteps) && v.Components.Count > 0
        && !string.IsNullOrWhiteSpace(v.Applicants) && !string.IsNullOrWhiteSpace(v.Agency) && !string.IsNullOrWhiteSpace(v.Result);

    private static Ratio Count(List<ProcedureVersion> items, Func<ProcedureVersion, bool> counted) => new(items.Count(counted), items.Count);

    /// <summary>The date <paramref name="days"/> working days before <paramref name="date"/>.</summary>
    private static DateOnly Back(WorkingCalendar calendar, DateOnly date, int days)
    {
        for (var i = 0; i < days; i++)
        {
            do
            {
                date = date.AddDays(-1);
            }
            while (!calendar.IsWorkingDay(date));
        }
        return date;
    }

    /// <summary>The date <paramref name="days"/> working days after <paramref name="date"/>.</summary>
    private static DateOnly Forward(WorkingCalendar calendar, DateOnly date, int days)
    {
        for (var i = 0; i < days; i++)
        {
            date = calendar.NextWorkingDay(date, inclusive: false);
        }
        return date;
    }
}
