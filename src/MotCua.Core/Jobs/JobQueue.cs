using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Common;
using MotCua.Core.Data;

namespace MotCua.Core.Jobs;

/// <summary>Enqueues jobs and reads their state; the <see cref="JobWorker"/> of some node runs them.</summary>
public sealed class JobQueue(MotCuaDbContext db, IActor actor, TimeProvider time, JobSignal signal)
{
    public async Task<BackgroundJob> EnqueueAsync(string kind, object parameters, string? inputFileKey, string? inputFileName, CancellationToken cancellationToken)
    {
        var job = new BackgroundJob
        {
            Kind = kind,
            Status = JobStatus.Queued,
            ParametersJson = JsonSerializer.Serialize(parameters, JsonSerializerOptions.Web),
            InputFileKey = inputFileKey,
            InputFileName = inputFileName,
            CreatedById = actor.OfficerId,
            CreatedBy = actor.Name,
            CreatedAt = time.Now(),
            Stage = "Đang chờ xử lý",
        };
        db.Add(job);
        await db.SaveChangesAsync(cancellationToken);
        signal.Notify();
        return job;
    }

    public async Task<BackgroundJob> FindAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Set<BackgroundJob>().AsNoTracking().FirstOrDefaultAsync(j => j.Id == id, cancellationToken)
        ?? throw ProblemException.NotFound("công việc");

    public static JobView View(BackgroundJob job) => new(
        job.Id,
        job.Kind,
        job.Status switch { JobStatus.Queued => "queued", JobStatus.Running => "running", JobStatus.Succeeded => "succeeded", _ => "failed" },
        job.Total,
        job.Processed,
        job.Status == JobStatus.Succeeded ? 100 : job.Total == 0 ? 0 : (int)Math.Min(99, 100L * job.Processed / job.Total),
        job.Stage,
        job.InputFileName,
        job.ResultJson is null ? null : JsonDocument.Parse(job.ResultJson).RootElement.Clone(),
        job.Error,
        job.CreatedBy,
        job.CreatedAt,
        job.StartedAt,
        job.FinishedAt);
}

/// <summary>Wakes this node's worker when a job is enqueued here (other nodes find it on their next poll).</summary>
public sealed class JobSignal
{
    private readonly SemaphoreSlim _semaphore = new(0);

    public void Notify()
    {
        if (_semaphore.CurrentCount == 0)
        {
            _semaphore.Release();
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _semaphore.WaitAsync(timeout, cancellationToken);
}
