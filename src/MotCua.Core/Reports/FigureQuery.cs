using Microsoft.EntityFrameworkCore;
using MotCua.Core.Data;
using MotCua.Domain.Reports;

namespace MotCua.Core.Reports;

/// <summary>
/// Sums the counters of a unit subtree for a period in the database, never the dossiers themselves: whole months
/// from the monthly counters, the days at the edges from the daily ones, plus the deltas not folded yet. What is
/// open at a moment sums every earlier month and the days of its own month.
/// </summary>
public static class FigureQuery
{
    private const int Open = (int)FigureKey.Open, Overdue = (int)FigureKey.Overdue, Repeat = (int)FigureKey.SupplementRepeat;

    // Keys are listed, not ranged: the counters' primary key leads with the key, so a list lets the database seek
    // each (key, unit) pair and read only the days or months asked for.
    private static readonly int[] Standing = [Open, Overdue];
    private static readonly int[] Flows = Enumerable.Range((int)FigureKey.ReceivedOnline, (int)FigureKey.OnlineProcedure - (int)FigureKey.ReceivedOnline + 1).ToArray();

    public static async Task<FigureSums> SumAsync(MotCuaDbContext db, IReadOnlyCollection<Guid> units, ReportPeriod period, CancellationToken cancellationToken) =>
        FigureSums.Of(await CellsAsync(db, units, period, byUnit: false, cancellationToken), period);

    /// <summary>
    /// The counters of the units summed for the period, for each unit when <paramref name="byUnit"/> (to be added up
    /// per subtree with <see cref="FigureSums.Of"/>), else all together: standing figures as one cell before the
    /// period and one at its end, flows on a day inside it.
    /// </summary>
    public static async Task<List<KeyValuePair<FigureCell, long>>> CellsAsync(MotCuaDbContext db, IReadOnlyCollection<Guid> units, ReportPeriod period, bool byUnit,
        CancellationToken cancellationToken)
    {
        // One snapshot: a fold moving deltas into the counters between two reads would count them twice or never.
        await using var snapshot = db.Database.CurrentTransaction is null ? await ReadSnapshot.BeginAsync(db, cancellationToken) : null;
        var (from, to) = (period.From, period.To);
        // A parameter, not a literal: PostgreSQL then knows the grouping column is a uuid.
        var all = Guid.Empty;
        var fromMonth = DailyFigures.MonthOf(from);
        // Standing counts: up to the end as whole months before `through` plus its days; before the start likewise.
        var through = to.AddDays(1).Day == 1 ? to.AddDays(1) : DailyFigures.MonthOf(to);
        // Flows: the whole months inside the period, and the days outside them.
        var firstFull = from.Day == 1 ? from : DailyFigures.MonthOf(from).AddMonths(1);
        var endFull = DailyFigures.MonthOf(to.AddDays(1));
        var anyFull = firstFull < endFull;

        var monthly = db.Set<MonthlyFigure>().AsNoTracking().Where(f => units.Contains(f.UnitId));
        var daily = db.Set<DailyFigure>().AsNoTracking().Where(f => units.Contains(f.UnitId));
        var standingMonths = await monthly
            .Where(f => Standing.Contains(f.Key) && f.Month < through)
            .GroupBy(f => new { UnitId = byUnit ? f.UnitId : all, f.Key })
            .Select(g => new { g.Key.UnitId, g.Key.Key, Through = g.Sum(f => f.Count), Before = g.Sum(f => f.Month < fromMonth ? f.Count : 0) })
            .ToListAsync(cancellationToken);
        var standingDays = await daily
            .Where(f => Standing.Contains(f.Key) && f.Day >= fromMonth && f.Day <= to && (f.Day >= through || f.Day < from))
            .GroupBy(f => new { UnitId = byUnit ? f.UnitId : all, f.Key })
            .Select(g => new { g.Key.UnitId, g.Key.Key, Through = g.Sum(f => f.Day >= through ? f.Count : 0), Before = g.Sum(f => f.Day < from ? f.Count : 0) })
            .ToListAsync(cancellationToken);
        var flowMonths = anyFull
            ? await monthly
                .Where(f => Flows.Contains(f.Key) && f.Month >= firstFull && f.Month < endFull)
                .GroupBy(f => new { UnitId = byUnit ? f.UnitId : all, f.Key, f.Code })
                .Select(g => new { g.Key.UnitId, g.Key.Key, g.Key.Code, Count = g.Sum(f => f.Count) })
                .ToListAsync(cancellationToken)
            : [];
        var flowDays = await daily
            .Where(f => Flows.Contains(f.Key) && f.Day >= from && f.Day <= to && (!anyFull || f.Day < firstFull || f.Day >= endFull))
            .GroupBy(f => new { UnitId = byUnit ? f.UnitId : all, f.Key, f.Code })
            .Select(g => new { g.Key.UnitId, g.Key.Key, g.Key.Code, Day = from, Count = g.Sum(f => f.Count) })
            .ToListAsync(cancellationToken);
        var repeats = await daily
            .Where(f => f.Key == Repeat && f.Day >= from && f.Day <= to)
            .Select(f => new { f.UnitId, f.Key, f.Code, f.Day, f.Count })
            .ToListAsync(cancellationToken);
        var pending = await PendingAsync(db, units, to, byUnit, cancellationToken);

        // Standing counts enter as one cell before the period and one at its end; flows on a day inside it (their own for repeats).
        var cells = new List<KeyValuePair<FigureCell, long>>();
        void Add(Guid unit, int key, DateOnly day, long count, string code = "") => cells.Add(new(new FigureCell(unit, day, key, code), count));
        foreach (var s in standingMonths.Concat(standingDays))
        {
            if (s.Key == Open)
            {
                Add(s.UnitId, Open, from.AddDays(-1), s.Before);
                Add(s.UnitId, Open, to, s.Through - s.Before);
            }
            else
            {
                Add(s.UnitId, Overdue, to, s.Through);
            }
        }
        foreach (var f in flowMonths)
        {
            Add(f.UnitId, f.Key, from, f.Count, f.Code);
        }
        foreach (var f in flowDays.Concat(repeats))
        {
            Add(f.UnitId, f.Key, f.Day, f.Count, f.Code);
        }
        cells.AddRange(pending);
        return cells;
    }

    /// <summary>The deltas not folded into the counters yet, up to a day, as cells of their own day.</summary>
    private static async Task<List<KeyValuePair<FigureCell, long>>> PendingAsync(MotCuaDbContext db, IReadOnlyCollection<Guid> units, DateOnly to, bool byUnit,
        CancellationToken cancellationToken)
    {
        var all = Guid.Empty;
        return (await db.Set<FigureDelta>().AsNoTracking()
            .Where(f => units.Contains(f.UnitId) && f.Day <= to)
            .GroupBy(f => new { UnitId = byUnit ? f.UnitId : all, f.Day, f.Key, f.Code })
            .Select(g => new { g.Key.UnitId, g.Key.Day, g.Key.Key, g.Key.Code, Delta = g.Sum(f => f.Delta) })
            .ToListAsync(cancellationToken))
        .Select(d => new KeyValuePair<FigureCell, long>(new FigureCell(d.UnitId, d.Day, d.Key, d.Code), d.Delta))
        .ToList();
    }

    /// <summary>
    /// The counters of the units month by month from <paramref name="first"/> to <paramref name="last"/> (first days
    /// of months): every earlier month of the standing figures, the flows of those months, and their repeated
    /// supplement requests by day. <see cref="FigureSums.Of"/> gives any of those months from them.
    /// </summary>
    public static async Task<List<KeyValuePair<FigureCell, long>>> MonthCellsAsync(MotCuaDbContext db, IReadOnlyCollection<Guid> units, DateOnly first, DateOnly last,
        CancellationToken cancellationToken)
    {
        var end = last.AddMonths(1);
        await using var snapshot = db.Database.CurrentTransaction is null ? await ReadSnapshot.BeginAsync(db, cancellationToken) : null;
        var months = db.Set<MonthlyFigure>().AsNoTracking().Where(f => units.Contains(f.UnitId) && f.Month < end);
        var monthly = await months.Where(f => Standing.Contains(f.Key) || (Flows.Contains(f.Key) && f.Month >= first))
            .GroupBy(f => new { f.Key, f.Code, f.Month })
            .Select(g => new { g.Key.Key, g.Key.Code, g.Key.Month, Count = g.Sum(f => f.Count) })
            .ToListAsync(cancellationToken);
        var repeats = await db.Set<DailyFigure>().AsNoTracking()
            .Where(f => units.Contains(f.UnitId) && f.Key == Repeat && f.Day >= first && f.Day < end)
            .GroupBy(f => new { f.Key, f.Code, f.Day })
            .Select(g => new { g.Key.Key, g.Key.Code, g.Key.Day, Count = g.Sum(f => f.Count) })
            .ToListAsync(cancellationToken);
        var pending = await PendingAsync(db, units, end.AddDays(-1), byUnit: false, cancellationToken);
        return monthly.Select(m => new KeyValuePair<FigureCell, long>(new FigureCell(Guid.Empty, m.Month, m.Key, m.Code), m.Count))
            .Concat(repeats.Select(r => new KeyValuePair<FigureCell, long>(new FigureCell(Guid.Empty, r.Day, r.Key, r.Code), r.Count)))
            .Concat(pending)
            .ToList();
    }
}
