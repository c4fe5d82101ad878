using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MotCua.Core.Common;
using MotCua.Core.Data;

namespace MotCua.Core.Jobs;

/// <summary>
/// Runs queued jobs, one at a time per node. A job is claimed by a conditional update (only one node
/// wins); its lease is renewed with every progress report, and a job whose lease ran out (its node died)
/// is claimed again from the start: handlers are all-or-nothing.
/// </summary>
public sealed class JobWorker(IServiceScopeFactory scopes, JobSignal signal, TimeProvider time, ILogger<JobWorker> logger) : BackgroundService
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);
    private readonly string _node = Truncate($"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}", 100);

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..max];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await TryRunNextAsync(stoppingToken))
                {
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                logger.LogError(exception, "The job worker failed to claim or run a job");
            }
            try
            {
                await signal.WaitAsync(Poll, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task<bool> TryRunNextAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MotCuaDbContext>();
        var now = time.Now();
        var candidate = await db.Set<BackgroundJob>().AsNoTracking()
            .Where(j => j.Status == JobStatus.Queued || (j.Status == JobStatus.Running && j.LeaseUntil < now))
            .OrderBy(j => j.CreatedAt)
            .Select(j => new { j.Id, j.Status })
            .FirstOrDefaultAsync(cancellationToken);
        if (candidate is null)
        {
            return false;
        }
        var leaseUntil = now + Lease;
        var claimed = await db.Set<BackgroundJob>()
            .Where(j => j.Id == candidate.Id && j.Status == candidate.Status && (j.Status == JobStatus.Queued || j.LeaseUntil < now))
            .ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Status, JobStatus.Running)
                .SetProperty(j => j.LeaseOwner, _node)
                .SetProperty(j => j.LeaseUntil, leaseUntil)
                .SetProperty(j => j.StartedAt, now)
                .SetProperty(j => j.Stage, "Đang xử lý"), cancellationToken);
        if (claimed == 0)
        {
            return true;
        }
        var job = await db.Set<BackgroundJob>().AsNoTracking().FirstAsync(j => j.Id == candidate.Id, cancellationToken);
        await RunAsync(job, cancellationToken);
        return true;
    }

    private async Task RunAsync(BackgroundJob job, CancellationToken cancellationToken)
    {
        string? result = null;
        string? error = null;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var handler = scope.ServiceProvider.GetServices<IJobHandler>().FirstOrDefault(h => h.Kind == job.Kind);
            try
            {
                if (handler is null)
                {
                    throw new InvalidOperationException($"No handler for job kind '{job.Kind}'.");
                }
                var progress = new JobProgress(job.Id, scopes, time, Lease);
                var outcome = await handler.RunAsync(job, progress, cancellationToken);
                result = JsonSerializer.Serialize(outcome, outcome.GetType(), JsonSerializerOptions.Web);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (ProblemException problem)
            {
                error = problem.Detail ?? problem.Title;
            }
            catch (Exception exception)
            {
                logger.LogError(exception, "Job {JobId} ({Kind}) failed", job.Id, job.Kind);
                error = "Đã xảy ra lỗi khi xử lý. Vui lòng kiểm tra tệp và thử lại hoặc liên hệ quản trị viên.";
            }
        }
        await using var finish = scopes.CreateAsyncScope();
        var db = finish.ServiceProvider.GetRequiredService<MotCuaDbContext>();
        var finishedAt = time.Now();
        await db.Set<BackgroundJob>().Where(j => j.Id == job.Id).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.Status, error is null ? JobStatus.Succeeded : JobStatus.Failed)
            .SetProperty(j => j.ResultJson, result)
            .SetProperty(j => j.Error, error)
            .SetProperty(j => j.FinishedAt, finishedAt)
            .SetProperty(j => j.Stage, error is null ? "Hoàn thành" : "Không thành công")
            .SetProperty(j => j.LeaseOwner, (string?)null)
            .SetProperty(j => j.LeaseUntil, (DateTimeOffset?)null), CancellationToken.None);
    }
}
