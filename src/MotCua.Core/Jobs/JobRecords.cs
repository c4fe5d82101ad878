using System.Text.Json;
using MotCua.Core.Common;
using MotCua.Core.Files;

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

/// <summary>Reading the file a job was queued with.</summary>
public static class JobInputs
{
    /// <summary>The job's uploaded file; 400 <c>file_missing</c> when the store no longer has it.</summary>
    public static async Task<Stream> OpenInputAsync(this IFileStore files, BackgroundJob job, CancellationToken cancellationToken) =>
        await files.OpenAsync(job.InputFileKey ?? "", cancellationToken)
            ?? throw ProblemException.BadRequest("file_missing", "Không tìm thấy tệp", "Tệp tải lên không còn trong kho lưu trữ.");
}

/// <summary>Does the work of one kind of job in its own scope; reports progress as it goes.</summary>
public interface IJobHandler
{
    string Kind { get; }

    /// <summary>Runs the job; the returned record is stored as its result.</summary>
    Task<object> RunAsync(BackgroundJob job, JobProgress progress, CancellationToken cancellationToken);
}
