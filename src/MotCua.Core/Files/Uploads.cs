using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MotCua.Core.Audit;
using MotCua.Core.Common;
using MotCua.Core.Data;
using MotCua.Core.Identity;

namespace MotCua.Core.Files;

/// <summary>Configuration section <c>Files</c>.</summary>
public sealed class FileOptions
{
    public const string Section = "Files";

    /// <summary>The largest scan an officer may attach to a dossier.</summary>
    public int MaxUploadMegabytes { get; set; } = 20;
}

public sealed record StoredFileView(Guid Id, string FileName, string ContentType, long Size, string Sha256, DateTimeOffset UploadedAt);

public sealed record FileDownload(Stream Content, string ContentType, string FileName);

/// <summary>
/// Scans and documents attached to dossiers: the type is read from the content's signature (never the
/// extension), the size is capped while reading, and the SHA-256 is kept with who uploaded it where.
/// </summary>
public sealed class Uploads(MotCuaDbContext db, IFileStore store, AuditTrail audit, IActor actor, IOptions<FileOptions> options, TimeProvider time)
{
    private static readonly DocumentKind[] Accepted =
        [FileSignature.Pdf, FileSignature.Jpeg, FileSignature.Png, FileSignature.Docx, FileSignature.Xlsx, FileSignature.Odt];

    public async Task<StoredFileView> UploadAsync(Stream content, string fileName, Guid unitId, CancellationToken cancellationToken)
    {
        await using var buffer = new MemoryStream();
        await CopyLimitedAsync(content, buffer, options.Value.MaxUploadMegabytes * 1024L * 1024L, cancellationToken);
        if (buffer.Length == 0)
        {
            throw ProblemException.BadRequest("file_required", "Chưa chọn tệp", "Tệp đính kèm đang trống.");
        }
        var kind = await FileSignature.DetectAsync(buffer, cancellationToken);
        if (kind is null || !Accepted.Contains(kind))
        {
            throw new ProblemException(415, "unsupported_file_type", "Định dạng tệp không được chấp nhận",
                "Bản quét phải là PDF, ảnh JPEG/PNG, Word (DOCX), Excel (XLSX) hoặc OpenDocument (ODT); tệp được kiểm tra theo nội dung, không theo phần mở rộng.");
        }
        buffer.Position = 0;
        var sha = Convert.ToHexStringLower(await SHA256.HashDataAsync(buffer, cancellationToken));
        buffer.Position = 0;
        var key = await store.SaveAsync(buffer, kind.Extension, cancellationToken);
        var file = new StoredFile
        {
            Key = key,
            FileName = SafeFileName(fileName, kind.Extension, "tai-lieu"),
            ContentType = kind.ContentType,
            Size = buffer.Length,
            Sha256 = sha,
            UnitId = unitId,
            UploadedById = actor.OfficerId,
            UploadedByName = actor.DisplayName,
            UploadedAt = time.Now(),
        };
        db.Add(file);
        audit.Record("file.upload", "file", file.Id.ToString(), unitId, $"Tải lên {file.FileName} ({kind.Name}, {file.Size} byte, SHA-256 {sha}).");
        try
        {
            await audit.SaveAsync(cancellationToken);
        }
        catch
        {
            await store.DeleteAsync(key, CancellationToken.None);
            throw;
        }
        return new StoredFileView(file.Id, file.FileName, file.ContentType, file.Size, file.Sha256, file.UploadedAt);
    }

    /// <summary>Removes files uploaded for a command that was then refused, so that nothing of it stays.</summary>
    public async Task DiscardAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return;
        }
        var files = await db.Set<StoredFile>().Where(f => ids.Contains(f.Id)).ToListAsync(cancellationToken);
        db.RemoveRange(files);
        audit.Record("file.discard", "file", null, null, $"Hủy {files.Count} tệp đính kèm của một yêu cầu không hợp lệ.");
        await audit.SaveAsync(cancellationToken);
        foreach (var file in files)
        {
            await store.DeleteAsync(file.Key, CancellationToken.None);
        }
    }

    /// <summary>A file for an officer of the unit it was uploaded at, or who can see a dossier it is attached to.</summary>
    public async Task<FileDownload> OpenAsync(Guid id, OfficerScope scope, CancellationToken cancellationToken)
    {
        var file = await db.Set<StoredFile>().AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, cancellationToken)
            ?? throw ProblemException.NotFound("tệp");
        var visible = file.UnitId is { } unitId && scope.CoversAny(unitId);
        if (!visible)
        {
            var holders = await db.Set<Dossiers.DossierDocument>().AsNoTracking().Where(d => d.FileId == id)
                .Join(db.Set<Dossiers.Dossier>(), d => d.DossierId, d => d.Id, (_, d) => new { d.ReceivingUnitId, d.ProcessingUnitId, d.CurrentUnitId })
                .ToListAsync(cancellationToken);
            visible = holders.Any(h => scope.CoversAny(h.ReceivingUnitId) || scope.CoversAny(h.ProcessingUnitId) || scope.CoversAny(h.CurrentUnitId));
        }
        if (!visible)
        {
            throw ProblemException.Forbidden("Tệp này thuộc hồ sơ nằm ngoài phạm vi được giao của bạn.");
        }
        var stream = await store.OpenAsync(file.Key, cancellationToken) ?? throw ProblemException.NotFound("nội dung tệp");
        return new FileDownload(stream, file.ContentType, file.FileName);
    }

    /// <summary>Copies at most <paramref name="limit"/> bytes; more is refused with 413 before anything is stored.</summary>
    public static async Task CopyLimitedAsync(Stream source, Stream target, long limit, CancellationToken cancellationToken)
    {
        var chunk = new byte[81920];
        long total = 0;
        int read;
        while ((read = await source.ReadAsync(chunk, cancellationToken)) > 0)
        {
            total += read;
            if (total > limit)
            {
                throw new ProblemException(413, "file_too_large", "Tệp quá lớn", $"Tệp không được lớn hơn {limit / 1024 / 1024} MB.");
            }
            await target.WriteAsync(chunk.AsMemory(0, read), cancellationToken);
        }
        target.Position = 0;
    }

    /// <summary>A download name made only of letters, digits, dashes and spaces, with the detected extension.</summary>
    public static string SafeFileName(string? name, string extension, string fallback)
    {
        var baseName = new string(Path.GetFileNameWithoutExtension(name ?? "").Where(c => char.IsLetterOrDigit(c) || c is '-' or '_' or ' ').ToArray()).Trim();
        return (baseName.Length == 0 ? fallback : baseName[..Math.Min(baseName.Length, 80)]) + "." + extension;
    }
}
