using Microsoft.EntityFrameworkCore;
using MotCua.Core.Data;
using MotCua.Domain.Reports;

namespace MotCua.Core.Reports;

/// <summary>
/// Sums the counters of a unit subtree for a period in the database, never the dossiers themselves: whole months
/// from the monthly counters, the days at the edges from the daily ones. What is open at a moment sums every
/// earlier month and the days of its own month.
/// </summary>
public static class FigureQuery
{
    private const int Open = (int)FigureKey.Open, Overdue = (int)FigureKey.Overdue, Repeat = (int)FigureKey.SupplementRepeat;

    public static async Task<FigureSums> SumAsync(MotCuaDbContext db, IReadOnlyCollection<Guid> units, ReportPeriod period, CancellationToken cancellationToken)
    {
        var (from, to) = (period.From, period.To);
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
            .Where(f => (f.Key == Open || f.Key == Overdue) && f.Month < through)
            .GroupBy(f => f.Key)
            .Select(g => new { g.Key, Through = g.Sum(f => f.Count), Before = g.Sum(f => f.Month < fromMonth ? f.Count : 0) })
            .ToListAsync(cancellationToken);
        var standingDays = await daily
            .Where(f => (f.Key == Open || f.Key == Overdue) && f.Day >= fromMonth && f.Day <= to && (f.Day >= through || f.Day < from))
            .GroupBy(f => f.Key)
            .Select(g => new { g.Key, Through = g.Sum(f => f.Day >= through ? f.Count : 0), Before = g.Sum(f => f.Day < from ? f.Count : 0) })
            .ToListAsync(cancellationToken);
        var flowMonths = anyFull
            ? await monthly
                .Where(f => f.Key > Overdue && f.Month >= firstFull && f.Month < endFull)
                .GroupBy(f => new { f.Key, f.Code })
                .Select(g => new { g.Key.Key, g.Key.Code, Count = g.Sum(f => f.Count) })
                .ToListAsync(cancellationToken)
            : [];
        var flowDays = await daily
            .Where(f => f.Key > Overdue && f.Day >= from && f.Day <= to && (f.Key >= Repeat || !anyFull || f.Day < firstFull || f.Day >= endFull))
            .GroupBy(f => new { f.Key, f.Code, Day = f.Key >= Repeat ? f.Day : from })
            .Select(g => new { g.Key.Key, g.Key.Code, g.Key.Day, Count = g.Sum(f => f.Count) })
            .ToListAsync(cancellationToken);

        // Standing counts enter as one cell before the period and one at its end; flows on a day inside it (their own for repeats).
        var cells = new List<KeyValuePair<FigureCell, long>>();
        void Add(int key, DateOnly day, long count, string code = "") => cells.Add(new(new FigureCell(Guid.Empty, day, key, code), count));
        foreach (var s in standingMonths.Concat(standingDays))
        {
            if (s.Key == Open)
            {
                Add(Open, from.AddDays(-1), s.Before);
                Add(Open, to, s.Through - s.Before);
            }
            else
            {
                Add(Overdue, to, s.Through);
            }
        }
        foreach (var f in flowMonths)
        {
            Add(f.Key, from, f.Count, f.Code);
        }
        foreach (var f in flowDays)
        {
            Add(f.Key, f.Day, f.Count, f.Code);
        }
        return FigureSums.Of(cells, period);
    }
}
