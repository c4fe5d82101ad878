using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MotCua.Core.Common;
using MotCua.Core.Data;
using MotCua.Core.Dossiers;
using MotCua.Core.Jobs;
using MotCua.Core.Organisation;
using MotCua.Domain.Reports;

namespace MotCua.Core.Reports;

/// <summary>A counter that disagreed with the dossiers: a day's or a month's (<c>Day</c> its first day), what they give and what was stored.</summary>
public sealed record FigureDrift(Guid UnitId, string UnitName, string Span, DateOnly Day, string Figure, string Code, long Expected, long Stored);

/// <summary>What a reconciliation found: how many dossiers and counters it checked, and every counter that drifted (repaired).</summary>
public sealed record ReconciliationResult(int Dossiers, int Counters, int Drifted, IReadOnlyList<FigureDrift> Examples, bool AlreadyRunning = false);

/// <summary>
/// Recomputes every daily figure from the dossiers (and their supplement requests), compares with the stored
/// counters and repairs the difference. Both are read in one snapshot; the repair adds the difference, so
/// changes committed meanwhile (which moved the counters themselves) are kept.
/// </summary>
public sealed class FigureReconciliation(MotCuaDbContext db, UnitTreeSource trees, ILogger<FigureReconciliation> logger) : IJobHandler
{
    public const string JobKind = "report-figures";
    private const int BatchSize = 5000;
    private const int MaxExamples = 50;
    private const int RepairChunk = 20_000;
    /// <summary>The PostgreSQL advisory lock a run holds.</summary>
    public const long LockKey = 766_06;

    public string Kind => JobKind;

    public async Task<object> RunAsync(BackgroundJob job, JobProgress progress, CancellationToken cancellationToken)
    {
        // Two runs at once would both add the same difference: the second one (another node's nightly run) stops.
        await using var exclusive = await ExclusiveAsync(cancellationToken);
        if (exclusive is null)
        {
            return new ReconciliationResult(0, 0, 0, [], AlreadyRunning: true);
        }
        var expected = new Dictionary<FigureCell, long>();
        Dictionary<FigureCell, long> expectedMonthly;
        var counters = 0;
        int dossiers;
        await FigureFolder.FoldAsync(db, cancellationToken);
        await using (var snapshot = await ReadSnapshot.BeginAsync(db, cancellationToken))
        {
            var received = db.Set<Dossier>().AsNoTracking().Where(d => d.ReceivedAt != null && !FigureLedger.NeverReceived.Contains(d.Status));
            var total = await received.CountAsync(cancellationToken);
            dossiers = 0;
            Guid? after = null;
            while (true)
            {
                var batch = await (after is { } last ? received.Where(d => d.Id.CompareTo(last) > 0) : received)
                    .OrderBy(d => d.Id)
                    .Take(BatchSize)
                    .Select(d => new { d.Id, d.ProcessingUnitId, d.ReceivedAt, d.Channel, d.Status, d.FinishedAt, d.Timeliness, d.DueAt, d.ReturnMethod, d.ProcedureCode, d.NpspSynced, d.Digitised, d.SupplementRequests })
                    .ToListAsync(cancellationToken);
                if (batch.Count == 0)
                {
                    break;
                }
                var asked = batch.Where(d => d.SupplementRequests > 0).Select(d => d.Id).ToList();
                var requests = (await db.Set<DossierEvent>().AsNoTracking()
                    .Where(e => asked.Contains(e.DossierId) && e.Action == FigureLedger.SupplementAction)
                    .Select(e => new { e.DossierId, e.At })
                    .ToListAsync(cancellationToken)).ToLookup(e => e.DossierId, e => e.At);
                foreach (var d in batch)
                {
                    var facts = new DossierFacts(d.ProcessingUnitId, d.ReceivedAt!.Value, d.Channel, d.Status, d.FinishedAt, d.Timeliness, d.DueAt,
                        d.ReturnMethod, d.ProcedureCode, d.NpspSynced, d.Digitised);
                    DailyFigures.Add(expected, facts, requests[d.Id], +1);
                }
                dossiers += batch.Count;
                after = batch[^1].Id;
                await progress.ReportAsync(dossiers, total, $"Đang tính lại từ hồ sơ: {dossiers:N0}/{total:N0}", cancellationToken);
            }
            await progress.ReportAsync(dossiers, total, "Đang so sánh với số liệu đã lưu", cancellationToken, force: true);
            expectedMonthly = DailyFigures.Monthly(expected);
            // What remains in the expected counts afterwards is the difference to add.
            await foreach (var stored in db.Set<DailyFigure>().AsNoTracking().AsAsyncEnumerable().WithCancellation(cancellationToken))
            {
                if (++counters % 10_000 == 0)
                {
                    await progress.ReportAsync(dossiers, total, $"Đang so sánh với số liệu đã lưu: {counters:N0}", cancellationToken);
                }
                DailyFigures.Bump(expected, new FigureCell(stored.UnitId, stored.Day, stored.Key, stored.Code), -stored.Count);
            }
            await foreach (var stored in db.Set<MonthlyFigure>().AsNoTracking().AsAsyncEnumerable().WithCancellation(cancellationToken))
            {
                if (++counters % 10_000 == 0)
                {
                    await progress.ReportAsync(dossiers, total, $"Đang so sánh với số liệu đã lưu: {counters:N0}", cancellationToken);
                }
                DailyFigures.Bump(expectedMonthly, new FigureCell(stored.UnitId, stored.Month, stored.Key, stored.Code), -stored.Count);
            }
            // Deltas written since the fold above count as stored: the folder adds them to the counters later.
            var pending = new Dictionary<FigureCell, long>();
            await foreach (var delta in db.Set<FigureDelta>().AsNoTracking().AsAsyncEnumerable().WithCancellation(cancellationToken))
            {
                DailyFigures.Bump(pending, new FigureCell(delta.UnitId, delta.Day, delta.Key, delta.Code), delta.Delta);
            }
            foreach (var (cell, delta) in pending)
            {
                DailyFigures.Bump(expected, cell, -delta);
            }
            foreach (var (cell, delta) in DailyFigures.Monthly(pending))
            {
                DailyFigures.Bump(expectedMonthly, cell, -delta);
            }
            await snapshot.CommitAsync(cancellationToken);
        }
        var (daily, monthly) = (expected, expectedMonthly);
        if (daily.Count + monthly.Count > 0)
        {
            await using var repair = await db.Database.BeginTransactionAsync(cancellationToken);
            var repaired = 0;
            foreach (var (table, cells) in new[] { (FigureLedger.Daily, daily), (FigureLedger.Monthly, monthly) })
            {
                foreach (var chunk in cells.Chunk(RepairChunk))
                {
                    await FigureLedger.UpsertAsync(db, table, chunk.ToDictionary(), cancellationToken);
                    repaired += chunk.Length;
                    await progress.ReportAsync(dossiers, dossiers, $"Đang sửa số liệu sai lệch: {repaired:N0}/{daily.Count + monthly.Count:N0}", cancellationToken);
                }
            }
            await repair.CommitAsync(cancellationToken);
        }
        await db.Set<DailyFigure>().Where(f => f.Count == 0).ExecuteDeleteAsync(cancellationToken);
        await db.Set<MonthlyFigure>().Where(f => f.Count == 0).ExecuteDeleteAsync(cancellationToken);
        var examples = await ExamplesAsync(daily, monthly, cancellationToken);
        var drifted = daily.Count + monthly.Count;
        if (drifted > 0)
        {
            logger.LogWarning("Report figures drifted from the dossiers in {Count} counters (repaired); first: {First}", drifted, examples[0]);
        }
        return new ReconciliationResult(dossiers, counters, drifted, examples);
    }

    /// <summary>
    /// This run's hold on reconciling, or null when another run has it: a PostgreSQL advisory lock held by this
    /// job's connection (released when it ends, or by the server if the node dies). SQLite has one node.
    /// </summary>
    private async Task<IAsyncDisposable?> ExclusiveAsync(CancellationToken cancellationToken)
    {
        if (db.IsSqlite)
        {
            return new Released(() => Task.CompletedTask);
        }
        await db.Database.OpenConnectionAsync(cancellationToken);
        var taken = await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_lock({LockKey}) AS \"Value\"").SingleAsync(cancellationToken);
        if (!taken)
        {
            await db.Database.CloseConnectionAsync();
            return null;
        }
        return new Released(async () =>
        {
            await db.Database.SqlQuery<bool>($"SELECT pg_advisory_unlock({LockKey}) AS \"Value\"").SingleAsync(CancellationToken.None);
            await db.Database.CloseConnectionAsync();
        });
    }

    private sealed class Released(Func<Task> release) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await release();
    }

    /// <summary>The first drifted counters, named for people (the stored value was the repaired one minus the difference).</summary>
    private async Task<List<FigureDrift>> ExamplesAsync(Dictionary<FigureCell, long> daily, Dictionary<FigureCell, long> monthly, CancellationToken cancellationToken)
    {
        if (daily.Count + monthly.Count == 0)
        {
            return [];
        }
        var tree = await trees.GetAsync(cancellationToken);
        var examples = new List<FigureDrift>();
        foreach (var (cell, difference, isMonth) in daily.Select(d => (d.Key, d.Value, false)).Concat(monthly.Select(m => (m.Key, m.Value, true)))
            .OrderBy(d => d.Item3).ThenBy(d => d.Key.Day).ThenBy(d => d.Key.Key).Take(MaxExamples))
        {
            var repaired = isMonth
                ? await db.Set<MonthlyFigure>().AsNoTracking()
                    .Where(f => f.Key == cell.Key && f.UnitId == cell.UnitId && f.Month == cell.Day && f.Code == cell.Code)
                    .Select(f => f.Count).FirstOrDefaultAsync(cancellationToken)
                : await db.Set<DailyFigure>().AsNoTracking()
                    .Where(f => f.Key == cell.Key && f.UnitId == cell.UnitId && f.Day == cell.Day && f.Code == cell.Code)
                    .Select(f => f.Count).FirstOrDefaultAsync(cancellationToken);
            examples.Add(new FigureDrift(cell.UnitId, tree.Find(cell.UnitId)?.Name ?? "", isMonth ? "month" : "day", cell.Day, FigureName(cell.Key), cell.Code,
                repaired, repaired - difference));
        }
        return examples;
    }

    private static string FigureName(int key) => ((FigureKey)key).ToString();
}

public sealed class ReportOptions
{
    public const string Section = "Reports";

    /// <summary>Queue the reconciliation of the report figures every night (and at start-up when it never ran).</summary>
    public bool NightlyReconciliation { get; set; } = true;
}

/// <summary>
/// Queues the reconciliation every night (after <see cref="Hour"/> in Vietnam, once a day) and, at start-up,
/// whenever dossiers exist but no reconciliation ever ran (the figures of a database created before them are built).
/// </summary>
public sealed class FigureReconciliationSchedule(IServiceScopeFactory scopes, TimeProvider time, IOptions<ReportOptions> options, ILogger<FigureReconciliationSchedule> logger)
    : PeriodicWork(time, logger)
{
    public const int Hour = 2;

    protected override TimeSpan Interval => TimeSpan.FromMinutes(10);

    protected override bool Enabled => options.Value.NightlyReconciliation;

    protected override Task RunOnceAsync(CancellationToken cancellationToken) => QueueIfDueAsync(cancellationToken);

    /// <summary>
    /// Due when none was ever queued and there are dossiers to count, or when the last one was queued on an earlier
    /// day and it is now past <see cref="Hour"/> (Vietnam time).
    /// </summary>
    public static bool IsDue(DateTimeOffset? lastQueued, bool anyDossier, DateTimeOffset now) =>
        lastQueued is not { } last ? anyDossier : now.ToVietnam().Hour >= Hour && last.ToVietnam().Date < now.ToVietnam().Date;

    public async Task QueueIfDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<MotCuaDbContext>();
        var last = await db.Set<BackgroundJob>().AsNoTracking().Where(j => j.Kind == FigureReconciliation.JobKind)
            .OrderByDescending(j => j.CreatedAt).Select(j => (DateTimeOffset?)j.CreatedAt).FirstOrDefaultAsync(cancellationToken);
        var due = IsDue(last, last is not null || await db.Set<Dossier>().AnyAsync(d => d.ReceivedAt != null, cancellationToken), Time.GetUtcNow());
        if (due)
        {
            var queue = new JobQueue(db, SystemActor.Instance, Time, services.GetRequiredService<JobSignal>());
            await queue.EnqueueAsync(FigureReconciliation.JobKind, new { }, null, null, cancellationToken);
        }
    }
}
