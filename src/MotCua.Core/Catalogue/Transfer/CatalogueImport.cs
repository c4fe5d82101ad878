using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Audit;
using MotCua.Core.Common;
using MotCua.Core.Data;
using MotCua.Core.Documents;
using MotCua.Core.Files;
using MotCua.Core.Jobs;

namespace MotCua.Core.Catalogue.Transfer;

/// <summary>How an import runs. Without <see cref="AsDrafts"/>, imported versions are announced by the given decision.</summary>
public sealed record CatalogueImportParameters(bool DryRun, bool Strict, bool AsDrafts, string? DecisionNumber, string? DecisionDate, string? EffectiveDate);

public sealed record ImportRowResult(int Row, string? Code, string? Name, string Action, IReadOnlyList<string> Errors);

/// <summary>What an import did or, in a dry run, would do.</summary>
public sealed record CatalogueImportResult(
    bool DryRun,
    bool Strict,
    bool Applied,
    int Total,
    int Added,
    int Changed,
    int Unchanged,
    int Rejected,
    string Summary,
    IReadOnlyList<ImportRowResult> Rows);

/// <summary>
/// Imports the catalogue from JSON (the procedures.json format) or an Excel sheet (<see cref="CatalogueSheet"/>),
/// as a background job with progress: every row is checked first (row-numbered Vietnamese messages);
/// in strict mode one bad row imports nothing; a new procedure is added, a changed one gets a new
/// version (earlier versions are kept), an identical one is left alone. All rows are written in one
/// transaction.
/// </summary>
public sealed class CatalogueImport(MotCuaDbContext db, AuditTrail audit, CatalogueIndex index, IFileStore files, IActor actor, TimeProvider time) : IJobHandler
{
    public const string JobKind = "catalogue-import";
    private const int MaxListedRows = 2000;
    private const int Batch = 500;

    public string Kind => JobKind;

    /// <summary>Checks the parameters before a job is queued (400 when an announcement lacks its decision).</summary>
    public static void Validate(CatalogueImportParameters parameters)
    {
        if (parameters.DryRun || parameters.AsDrafts)
        {
            return;
        }
        var validation = new Validation().Required("decisionNumber", parameters.DecisionNumber, "số quyết định công bố");
        if (!DateOnly.TryParseExact(parameters.DecisionDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var decision))
        {
            validation.Add("decisionDate", "Vui lòng nhập ngày ban hành quyết định (yyyy-MM-dd).");
        }
        if (!DateOnly.TryParseExact(parameters.EffectiveDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var effective))
        {
            validation.Add("effectiveDate", "Vui lòng nhập ngày có hiệu lực (yyyy-MM-dd).");
        }
        else if (effective < decision)
        {
            validation.Add("effectiveDate", "Ngày có hiệu lực không được trước ngày ban hành quyết định.");
        }
        validation.ThrowIfInvalid();
    }

    public async Task<object> RunAsync(BackgroundJob job, JobProgress progress, CancellationToken cancellationToken)
    {
        var parameters = JsonSerializer.Deserialize<CatalogueImportParameters>(job.ParametersJson, JsonSerializerOptions.Web)!;
        await progress.ReportAsync(0, 0, "Đang đọc tệp", cancellationToken, force: true);
        var rows = await ReadAsync(job, cancellationToken);
        var fieldCodes = (await db.Fields.Select(f => f.Code).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var today = time.Today();
        var current = await CatalogueIndex.CurrentVersionIdsAsync(db, today, cancellationToken);
        var procedures = await db.Procedures.AsNoTracking().Select(p => new { p.Id, p.Code }).ToDictionaryAsync(p => p.Code, p => p.Id, cancellationToken);
        var openDrafts = (await db.ProcedureVersions.Where(v => v.State != VersionState.Announced).Select(v => v.ProcedureId).ToListAsync(cancellationToken)).ToHashSet();

        var results = new List<ImportRowResult>(rows.Count);
        var accepted = new List<(ImportRow Row, ProcedureVersion Version, Guid? ProcedureId, bool Changed)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var errors = new List<string>(row.Errors);
            var version = new ProcedureVersion();
            var input = row.Input;
            if (input is not null)
            {
                if (!ProcedureContent.IsValidCode(input.Code))
                {
                    errors.Add($"Mã thủ tục \"{input.Code}\" không đúng dạng (ví dụ 1.001193).");
                }
                else if (!seen.Add(input.Code!))
                {
                    errors.Add($"Mã thủ tục {input.Code} lặp lại trong tệp.");
                }
                var validation = new Validation();
                if (!ProcedureContent.Apply(input, version, fieldCodes, validation))
                {
                    try
                    {
                        validation.ThrowIfInvalid();
                    }
                    catch (ProblemException problem)
                    {
                        errors.AddRange(problem.Errors.SelectMany(e => e.Value));
                    }
                }
            }
            Guid? procedureId = input?.Code is { } code && procedures.TryGetValue(code, out var existing) ? existing : null;
            if (procedureId is { } known && openDrafts.Contains(known))
            {
                errors.Add($"Thủ tục {input!.Code} đang có dự thảo chưa công bố; hãy hoàn tất hoặc xóa dự thảo trước khi nhập.");
            }
            string action;
            if (errors.Count > 0 || input is null)
            {
                action = "rejected";
            }
            else if (procedureId is null)
            {
                action = "added";
                accepted.Add((row, version, null, false));
            }
            else
            {
                var unchanged = current.TryGetValue(procedureId.Value, out var currentId) && await SameContentAsync(currentId, input.Code!, version, cancellationToken);
                action = unchanged ? "unchanged" : "changed";
                if (!unchanged)
                {
                    accepted.Add((row, version, procedureId, true));
                }
            }
            results.Add(new ImportRowResult(row.Row, input?.Code, input?.Name, action, errors.Select(e => $"Dòng {row.Row}: {e}").ToList()));
            await progress.ReportAsync(i + 1, rows.Count, $"Đang kiểm tra dòng {i + 1:N0}/{rows.Count:N0}", cancellationToken);
        }

        var rejected = results.Count(r => r.Action == "rejected");
        var apply = !parameters.DryRun && !(parameters.Strict && rejected > 0) && accepted.Count > 0;
        if (apply)
        {
            await WriteAsync(accepted, parameters, job, progress, cancellationToken);
        }
        var added = results.Count(r => r.Action == "added");
        var changed = results.Count(r => r.Action == "changed");
        var summary = parameters.DryRun
            ? $"Kiểm tra {results.Count:N0} dòng: sẽ thêm {added:N0}, sửa đổi {changed:N0}, giữ nguyên {results.Count - added - changed - rejected:N0}, từ chối {rejected:N0}."
            : apply
                ? $"Đã nhập: thêm {added:N0}, sửa đổi {changed:N0}, giữ nguyên {results.Count - added - changed - rejected:N0}, từ chối {rejected:N0} dòng."
                : rejected > 0 && parameters.Strict
                    ? $"Không nhập gì: {rejected:N0} dòng không hợp lệ (chế độ nghiêm ngặt)."
                    : "Không có thay đổi nào để nhập.";
        await progress.ReportAsync(results.Count, results.Count, summary, cancellationToken, force: true);
        var listed = results.OrderBy(r => r.Action == "rejected" ? 0 : r.Action is "added" or "changed" ? 1 : 2).ThenBy(r => r.Row).Take(MaxListedRows).ToList();
        return new CatalogueImportResult(parameters.DryRun, parameters.Strict, apply, results.Count, added, changed, results.Count - added - changed - rejected, rejected, summary, listed);
    }

    private async Task<List<ImportRow>> ReadAsync(BackgroundJob job, CancellationToken cancellationToken)
    {
        await using var stream = await files.OpenInputAsync(job, cancellationToken);
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, cancellationToken);
        buffer.Position = 0;
        var kind = await FileSignature.DetectAsync(buffer, cancellationToken);
        if (kind == FileSignature.Xlsx)
        {
            return CatalogueSheet.Read(Spreadsheet.ReadFirstSheet(buffer));
        }
        try
        {
            using var document = await JsonDocument.ParseAsync(buffer, cancellationToken: cancellationToken);
            var array = document.RootElement.ValueKind == JsonValueKind.Array
                ? document.RootElement
                : document.RootElement.TryGetProperty("procedures", out var list) ? list : throw new JsonException();
            return array.EnumerateArray().Select((element, i) =>
            {
                try
                {
                    return new ImportRow(i + 1, element.Deserialize<ProcedureInput>(JsonSerializerOptions.Web), []);
                }
                catch (JsonException)
                {
                    return new ImportRow(i + 1, null, ["Nội dung không đúng định dạng (kiểu dữ liệu của một trường không hợp lệ)."]);
                }
            }).ToList();
        }
        catch (JsonException)
        {
            throw ProblemException.BadRequest("invalid_file", "Tệp không đúng định dạng",
                "Tệp phải là JSON theo định dạng procedures.json (danh sách \"procedures\") hoặc bảng Excel (.xlsx) theo mẫu xuất danh mục.");
        }
    }

    private async Task<bool> SameContentAsync(Guid currentVersionId, string code, ProcedureVersion imported, CancellationToken cancellationToken)
    {
        var existing = await db.ProcedureVersions.AsNoTracking().FirstAsync(v => v.Id == currentVersionId, cancellationToken);
        return JsonElement.DeepEquals(Canonical(code, existing), Canonical(code, imported));
    }

    /// <summary>The content as JSON, without ids and files, to tell an unchanged procedure from a changed one (numbers compare by value: 2.00 = 2).</summary>
    private static JsonElement Canonical(string code, ProcedureVersion version)
    {
        var input = ProcedureContent.ToInput(code, version);
        input.Components?.ForEach(c => c.Id = null);
        input.LegalBasisEffectiveDate = null;
        return JsonSerializer.SerializeToElement(input, JsonSerializerOptions.Web);
    }

    private async Task WriteAsync(List<(ImportRow Row, ProcedureVersion Version, Guid? ProcedureId, bool Changed)> accepted, CatalogueImportParameters parameters, BackgroundJob job, JobProgress progress, CancellationToken cancellationToken)
    {
        var now = time.Now();
        var decisionDate = parameters.AsDrafts ? (DateOnly?)null : DateOnly.ParseExact(parameters.DecisionDate!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var effectiveDate = parameters.AsDrafts ? (DateOnly?)null : DateOnly.ParseExact(parameters.EffectiveDate!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var numbers = await db.ProcedureVersions.GroupBy(v => v.ProcedureId).Select(g => new { g.Key, Max = g.Max(v => v.Number) })
            .ToDictionaryAsync(x => x.Key, x => x.Max, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        for (var i = 0; i < accepted.Count; i++)
        {
            var (row, version, procedureId, _) = accepted[i];
            version.State = parameters.AsDrafts ? VersionState.Draft : VersionState.Announced;
            version.Kind = VersionKind.Content;
            version.CreatedAt = now;
            version.UpdatedAt = now;
            version.CreatedBy = actor.Name;
            version.DecisionNumber = parameters.AsDrafts ? null : parameters.DecisionNumber;
            version.DecisionDate = decisionDate;
            version.EffectiveDate = effectiveDate;
            version.ChangeSummary = $"Nhập từ tệp {job.InputFileName}, dòng {row.Row}.";
            if (procedureId is null)
            {
                var procedure = new Procedure { Code = row.Input!.Code!, CreatedAt = now };
                version.Number = 1;
                version.ProcedureId = procedure.Id;
                db.Procedures.Add(procedure);
            }
            else
            {
                version.Number = numbers.GetValueOrDefault(procedureId.Value) + 1;
                version.ProcedureId = procedureId.Value;
            }
            db.ProcedureVersions.Add(version);
            if ((i + 1) % Batch == 0)
            {
                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
                // SQLite has one writer: a progress update from another connection would wait for this transaction.
                if (!db.IsSqlite)
                {
                    await progress.ReportAsync(i + 1, accepted.Count, $"Đang ghi {i + 1:N0}/{accepted.Count:N0} thủ tục", cancellationToken);
                }
            }
        }
        await CatalogueIndex.BumpAsync(db, cancellationToken);
        var added = accepted.Count(a => a.ProcedureId is null);
        audit.Record("catalogue.import", "procedure", null, null,
            $"Nhập danh mục từ tệp {job.InputFileName}: thêm {added:N0}, sửa đổi {accepted.Count - added:N0} thủ tục{(parameters.AsDrafts ? " (dạng dự thảo)" : $", công bố theo {parameters.DecisionNumber}")}.");
        await audit.SaveAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        index.Invalidate();
    }
}
