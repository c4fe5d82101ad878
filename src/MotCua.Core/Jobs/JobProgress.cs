using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Core.Data;

namespace MotCua.Core.Jobs;

/// <summary>
/// Writes a job's progress through its own database scope, at most a few times a second, so that the
/// figure is committed and visible to every node while the job's own transaction is still open.
/// </summary>
public sealed class JobProgress(Guid jobId, IServiceScopeFactory scopes, TimeProvider time, TimeSpan lease)
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(300);
    private long _lastWrite;

    public async Task ReportAsync(int processed, int total, string stage, CancellationToken cancellationToken, bool force = false)
    {
        var now = Environment.TickCount64;
        if (!force && now - Interlocked.Read(ref _lastWrite) < Interval.TotalMilliseconds)
        {
            return;
        }
        Interlocked.Exchange(ref _lastWrite, now);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MotCuaDbContext>();
        var leaseUntil = time.GetUtcNow() + lease;
        await db.Set<BackgroundJob>().Where(j => j.Id == jobId).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.Processed, processed)
            .SetProperty(j => j.Total, total)
            .SetProperty(j => j.Stage, stage)
            .SetProperty(j => j.LeaseUntil, leaseUntil), cancellationToken);
    }
}
