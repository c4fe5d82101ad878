using MotCua.Core.Catalogue.Transfer;
using MotCua.Core.Common;
using MotCua.Core.Files;
using MotCua.Core.Jobs;

namespace MotCua.Web.Catalogue;

/// <summary>Stores an uploaded catalogue file and queues its import; shared by the API and the import page.</summary>
public sealed class CatalogueImportStarter(IFileStore files, JobQueue jobs)
{
    public const long MaxBytes = 50 * 1024 * 1024;

    public async Task<JobView> StartAsync(IFormFile? file, CatalogueImportParameters parameters, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            throw ProblemException.BadRequest("file_required", "Chưa chọn tệp", "Vui lòng chọn tệp danh mục (JSON hoặc Excel).");
        }
        if (file.Length > MaxBytes)
        {
            throw new ProblemException(413, "file_too_large", "Tệp quá lớn", "Tệp danh mục không được lớn hơn 50 MB.");
        }
        CatalogueImport.Validate(parameters);
        await using var stream = file.OpenReadStream();
        var extension = file.FileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) ? "xlsx" : "json";
        var key = await files.SaveAsync(stream, extension, cancellationToken);
        var job = await jobs.EnqueueAsync(CatalogueImport.JobKind, parameters, key, Path.GetFileName(file.FileName), cancellationToken);
        return JobQueue.View(job);
    }

    /// <summary>Imports for real the file a dry run checked.</summary>
    public async Task<JobView> ConfirmAsync(Guid dryRunJobId, CatalogueImportParameters parameters, CancellationToken cancellationToken)
    {
        var checkedJob = await jobs.FindAsync(dryRunJobId, cancellationToken);
        if (checkedJob.Kind != CatalogueImport.JobKind || checkedJob.InputFileKey is null)
        {
            throw ProblemException.NotFound("lần kiểm tra tệp");
        }
        CatalogueImport.Validate(parameters);
        var job = await jobs.EnqueueAsync(CatalogueImport.JobKind, parameters, checkedJob.InputFileKey, checkedJob.InputFileName, cancellationToken);
        return JobQueue.View(job);
    }
}
