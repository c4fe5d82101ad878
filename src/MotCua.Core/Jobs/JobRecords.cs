using System.Text.Json;

namespace MotCua.Core.Jobs;

/// <summary>A job as its starter follows it; <c>result</c> is the handler's own record once it succeeded.</summary>
public sealed record JobView(
    Guid Id,
    string Kind,
    string Status,
    int Total,
    int Processed,
    int Percent,
    string? Stage,
    string? InputFileName,
    JsonElement? Result,
    string? Error,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt);

/// <summary>Does the work of one kind of job in its own scope; reports progress as it goes.</summary>
public interface IJobHandler
{
    string Kind { get; }

    /// <summary>Runs the job; the returned record is stored as its result.</summary>
    Task<object> RunAsync(BackgroundJob job, JobProgress progress, CancellationToken cancellationToken);
}
