using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MotCua.Core.Common;
using MotCua.Core.Data;
using MotCua.Domain.Reports;

namespace MotCua.Core.Reports;

/// <summary>
/// Adds the figure deltas written by dossier changes to the daily and monthly counters, a batch at a time, about
/// once a second. A batch is taken with one <c>DELETE … RETURNING</c> in the transaction that adds it, so two nodes
/// folding at once never add a delta twice, and a fold that fails leaves its deltas in place.
/// </summary>
public sealed class FigureFolder(IServiceScopeFactory scopes, TimeProvider time, ILogger<FigureFolder> logger) : PeriodicWork(time, logger)
{
    private const int BatchSize = 20_000;

    protected override TimeSpan Interval => TimeSpan.FromSeconds(1);

    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await FoldAsync(scope.ServiceProvider.GetRequiredService<MotCuaDbContext>(), cancellationToken);
    }

    /// <summary>Folds every delta there is now; returns how many.</summary>
    public static async Task<int> FoldAsync(MotCuaDbContext db, CancellationToken cancellationToken)
    {
        var total = 0;
        while (true)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var taken = await db.Database.SqlQueryRaw<Taken>($"""
                DELETE FROM "FigureDeltas" WHERE "Id" IN (SELECT "Id" FROM "FigureDeltas" ORDER BY "Id" LIMIT {BatchSize})
                RETURNING "UnitId", "Day", "Key", "Code", "Delta"
                """).ToListAsync(cancellationToken);
            if (taken.Count == 0)
            {
                return total;
            }
            var sums = new Dictionary<FigureCell, long>();
            foreach (var t in taken)
            {
                DailyFigures.Bump(sums, new FigureCell(t.UnitId, t.Day, t.Key, t.Code), t.Delta);
            }
            await FigureLedger.ApplyAsync(db, sums, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            total += taken.Count;
            if (taken.Count < BatchSize)
            {
                return total;
            }
        }
    }

    private sealed record Taken(Guid UnitId, DateOnly Day, int Key, string Code, long Delta);
}
