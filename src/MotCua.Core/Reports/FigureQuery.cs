using Microsoft.EntityFrameworkCore;
using MotCua.Core.Data;
using MotCua.Domain.Reports;

namespace MotCua.Core.Reports;

/// <summary>
/// Sums the daily figures of a unit subtree for a period in the database: two grouped reads of the counters,
/// never the dossiers themselves, whatever the size of the subtree or the period.
/// </summary>
public static class FigureQuery
{
    public static async Task<FigureSums> SumAsync(MotCuaDbContext db, IReadOnlyCollection<Guid> units, ReportPeriod period, CancellationToken cancellationToken)
    {
        var (from, to) = (period.From, period.To);
        const int open = (int)FigureKey.Open, overdue = (int)FigureKey.Overdue, repeat = (int)FigureKey.SupplementRepeat;
        var figures = db.Set<DailyFigure>().AsNoTracking().Where(f => units.Contains(f.UnitId));
        var standing = await figures
            .Where(f => (f.Key == open || f.Key == overdue) && f.Day <= to)
            .GroupBy(f => f.Key)
            .Select(g => new { g.Key, All = g.Sum(f => f.Count), Before = g.Sum(f => f.Day < from ? f.Count : 0) })
            .ToListAsync(cancellationToken);
        var flows = await figures
            .Where(f => f.Key != open && f.Key != overdue && f.Day >= from && f.Day <= to)
            .GroupBy(f => new { f.Key, f.Code, Day = f.Key >= repeat ? f.Day : from })
            .Select(g => new { g.Key.Key, g.Key.Code, g.Key.Day, Count = g.Sum(f => f.Count) })
            .ToListAsync(cancellationToken);
        // Standing counts enter as one cell before the period and one at its end; flows keep the day only where it matters.
        var cells = new List<KeyValuePair<FigureCell, long>>(flows.Count + 3);
        foreach (var s in standing)
        {
            if (s.Key == open)
            {
                cells.Add(new(new FigureCell(Guid.Empty, from.AddDays(-1), open, ""), s.Before));
            }
            cells.Add(new(new FigureCell(Guid.Empty, to, s.Key, ""), s.Key == open ? s.All - s.Before : s.All));
        }
        cells.AddRange(flows.Select(f => new KeyValuePair<FigureCell, long>(new FigureCell(Guid.Empty, f.Day, f.Key, f.Code), f.Count)));
        return FigureSums.Of(cells, period);
    }
}
