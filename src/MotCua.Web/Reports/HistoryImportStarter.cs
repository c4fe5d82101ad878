using MotCua.Core.Common;
using MotCua.Core.Dossiers.History;
using MotCua.Core.Files;
using MotCua.Core.Jobs;

namespace MotCua.Web.Reports;

/// <summary>Stores an uploaded history file and queues its import; shared by the API and the import pages.</summary>
public sealed class HistoryImportStarter(IFileStore files, JobQueue jobs)
{
    /// <summary>Below Kestrel's default request size; larger exports are split into several files.</summary>
    public const long MaxBytes = 25L * 1024 * 1024;

    public async Task<JobView> StartAsync(IFormFile? file, bool dryRun, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            throw ProblemException.BadRequest("file_required", "Chưa chọn tệp", "Vui lòng chọn tệp hồ sơ (JSON lines, mỗi dòng một hồ sơ).");
        }
        if (file.Length > MaxBytes)
        {
            throw new ProblemException(413, "file_too_large", "Tệp quá lớn", "Tệp hồ sơ không được lớn hơn 25 MB; hãy chia thành nhiều tệp.");
        }
        await using var stream = file.OpenReadStream();
        var key = await files.SaveAsync(stream, "jsonl", cancellationToken);
        var job = await jobs.EnqueueAsync(HistoryImport.JobKind, new HistoryImportParameters(dryRun), key, Path.GetFileName(file.FileName), cancellationToken);
        return JobQueue.View(job);
    }

    /// <summary>Imports for real the file a dry run checked.</summary>
    public async Task<JobView> ConfirmAsync(Guid dryRunJobId, CancellationToken cancellationToken)
    {
        var checkedJob = await jobs.FindAsync(dryRunJobId, cancellationToken);
        if (checkedJob.Kind != HistoryImport.JobKind || checkedJob.InputFileKey is null)
        {
            throw ProblemException.NotFound("lần kiểm tra tệp");
        }
        var job = await jobs.EnqueueAsync(HistoryImport.JobKind, new HistoryImportParameters(false), checkedJob.InputFileKey, checkedJob.InputFileName, cancellationToken);
        return JobQueue.View(job);
    }
}
