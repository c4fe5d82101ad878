using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Audit;
using MotCua.Core.Catalogue;
using MotCua.Core.Data;
using MotCua.Core.Files;
using MotCua.Core.Jobs;
using MotCua.Core.Organisation;
using MotCua.Domain.Calendar;
using MotCua.Domain.Dossiers;

namespace MotCua.Core.Dossiers.History;

/// <summary>Parameters of a history import: a dry run checks every line and writes nothing.</summary>
public sealed record HistoryImportParameters(bool DryRun);

/// <summary>What an import did: counts, and the rejected lines' reasons ("Dòng 12: …", at most 500).</summary>
public sealed record HistoryImportResult(bool DryRun, int Lines, int Imported, int AlreadyImported, int Rejected, IReadOnlyList<string> Errors);

/// <summary>One line of the previous system's export (docs/import.md).</summary>
public sealed record HistoryLine(
    string? SourceId,
    string? Code,
    string? ProcedureCode,
    string? ReceivingAgencyCode,
    string? ProcessingAgencyCode,
    string? Channel,
    HistoryApplicant? Applicant,
    DateTimeOffset? ReceivedAt,
    DateTimeOffset? DueAt,
    DateTimeOffset? FinishedAt,
    DateTimeOffset? ReturnedAt,
    string? ReturnMethod,
    string? Status,
    IReadOnlyList<HistoryEvent>? Events);

public sealed record HistoryApplicant(string? Kind, string? FullName, string? PersonalId, string? EnterpriseCode, string? Phone, string? Email, string? Address);

public sealed record HistoryEvent(DateTimeOffset? At, string? Action, string? Actor, string? Note);

/// <summary>
/// Imports dossiers with their whole history from the previous one-stop system (JSON lines), idempotent on
/// the source system's id. Valid lines are written in batches, each dossier whole with its history in its
/// batch's transaction; invalid lines are reported with their line numbers and skipped. Imported dossiers are
/// ordinary dossiers: reports and indicators count them exactly like native ones.
/// </summary>
public sealed class HistoryImport(MotCuaDbContext db, AuditTrail audit, CatalogueIndex catalogue, UnitTreeSource trees, IFileStore files, TimeProvider time)
    : IJobHandler
{
    public const string JobKind = "dossier-history-import";
    private const int MaxErrors = 500;
    private const int BatchSize = 1_000;

    private static readonly DossierStatus[] Importable =
    [
        DossierStatus.Received, DossierStatus.InProgress, DossierStatus.AwaitingSupplement, DossierStatus.Suspended,
        DossierStatus.ResultReady, DossierStatus.Returned, DossierStatus.Withdrawn, DossierStatus.Stopped,
    ];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Kind => JobKind;

    public async Task<object> RunAsync(BackgroundJob job, JobProgress progress, CancellationToken cancellationToken)
    {
        var parameters = JsonSerializer.Deserialize<HistoryImportParameters>(job.ParametersJson, Json)!;
        await progress.ReportAsync(0, 0, "Đang đọc tệp", cancellationToken, force: true);
        var lines = await ReadLinesAsync(job, cancellationToken);
        var tree = await trees.GetAsync(cancellationToken);
        var units = tree.All().GroupBy(u => u.AgencyCode, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var snapshot = await catalogue.GetAsync(cancellationToken);
        var versionIds = snapshot.Entries.Select(e => e.VersionId).ToList();
        var versions = (await db.ProcedureVersions.AsNoTracking().Where(v => versionIds.Contains(v.Id)).ToListAsync(cancellationToken)).ToDictionary(v => v.Id);
        var procedures = snapshot.Entries.ToDictionary(e => e.Summary.Code, e => versions[e.VersionId], StringComparer.Ordinal);
        var sourceIds = lines.Select(l => l.Line?.SourceId).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in sourceIds.Chunk(BatchSize))
        {
            known.UnionWith(await db.Set<Dossier>().Where(d => d.SourceId != null && chunk.Contains(d.SourceId)).Select(d => d.SourceId!).ToListAsync(cancellationToken));
        }
        var codes = lines.Select(l => l.Line?.Code).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var takenCodes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in codes.Chunk(BatchSize))
        {
            takenCodes.UnionWith(await db.Set<Dossier>().Where(d => d.Code != null && chunk.Contains(d.Code)).Select(d => d.Code!).ToListAsync(cancellationToken));
        }

        var errors = new List<string>();
        var rejected = 0;
        var already = 0;
        var accepted = new List<(Dossier Dossier, List<DossierEvent> Events)>();
        var seenSources = new HashSet<string>(StringComparer.Ordinal);
        var seenCodes = new HashSet<string>(StringComparer.Ordinal);
        var now = time.GetUtcNow();
        for (var i = 0; i < lines.Count; i++)
        {
            var (number, line, parseError) = lines[i];
            var problems = new List<string>();
            if (parseError is not null)
            {
                problems.Add(parseError);
            }
            else if (line!.SourceId is { } source && known.Contains(source))
            {
                already++;
            }
            else
            {
                var dossier = Map(line, units, procedures, now, problems, out var events);
                if (line.SourceId is { } id && !seenSources.Add(id))
                {
                    problems.Add($"Mã hồ sơ ở hệ thống cũ {id} lặp lại trong tệp.");
                }
                if (line.Code is { } code && (takenCodes.Contains(code) || !seenCodes.Add(code)))
                {
                    problems.Add($"Mã hồ sơ {code} đã có trong hệ thống hoặc lặp lại trong tệp.");
                }
                if (problems.Count == 0)
                {
                    accepted.Add((dossier!, events));
                }
            }
            if (problems.Count > 0)
            {
                rejected++;
                errors.AddRange(problems.Take(Math.Max(0, MaxErrors - errors.Count)).Select(p => $"Dòng {number}: {p}"));
            }
            await progress.ReportAsync(i + 1, lines.Count, $"Đang kiểm tra dòng {i + 1:N0}/{lines.Count:N0}", cancellationToken);
        }

        if (!parameters.DryRun)
        {
            // One transaction per batch: a dossier is written whole with its history, progress is visible between
            // batches, and a run cut short is completed by importing the same file again (idempotent on sourceId).
            var written = 0;
            foreach (var batch in accepted.Chunk(BatchSize))
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                foreach (var (dossier, events) in batch)
                {
                    db.Add(dossier);
                    db.AddRange(events);
                }
                audit.Record("dossier.import-history", "job", job.Id.ToString(), null,
                    $"Nhập {batch.Length:N0} hồ sơ từ hệ thống cũ (tệp {job.InputFileName}, hồ sơ {written + 1:N0}–{written + batch.Length:N0} trong {accepted.Count:N0}).");
                await audit.SaveAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                db.ChangeTracker.Clear();
                written += batch.Length;
                await progress.ReportAsync(written, accepted.Count, $"Đang ghi hồ sơ {written:N0}/{accepted.Count:N0}", cancellationToken, force: true);
            }
        }
        return new HistoryImportResult(parameters.DryRun, lines.Count, parameters.DryRun ? 0 : accepted.Count, already, rejected, errors);
    }

    private static Dossier? Map(HistoryLine line, Dictionary<string, UnitNode> units, Dictionary<string, ProcedureVersion> procedures,
        DateTimeOffset now, List<string> problems, out List<DossierEvent> events)
    {
        events = [];
        void Need(bool ok, string message)
        {
            if (!ok)
            {
                problems.Add(message);
            }
        }
        Need(!string.IsNullOrWhiteSpace(line.SourceId) && line.SourceId.Length <= 100, "Thiếu mã hồ sơ ở hệ thống cũ (sourceId) hoặc mã dài quá 100 ký tự.");
        Need(!string.IsNullOrWhiteSpace(line.Code) && line.Code.Length <= 40, "Thiếu mã hồ sơ (code) hoặc mã dài quá 40 ký tự.");
        var version = line.ProcedureCode is { } p && procedures.TryGetValue(p, out var found) ? found : null;
        Need(version is not null, $"Không có thủ tục mã \"{line.ProcedureCode}\" trong danh mục.");
        var receiving = line.ReceivingAgencyCode is { } r && units.TryGetValue(r, out var ru) ? ru : null;
        Need(receiving is not null, $"Không có đơn vị mã \"{line.ReceivingAgencyCode}\" (nơi tiếp nhận).");
        var processing = line.ProcessingAgencyCode is { } pc && units.TryGetValue(pc, out var pu) ? pu : receiving;
        Need(line.ProcessingAgencyCode is null || processing is not null, $"Không có đơn vị mã \"{line.ProcessingAgencyCode}\" (cơ quan giải quyết).");
        Need(DossierTerms.TryParseChannel(line.Channel, out var channel), $"Kênh nộp \"{line.Channel}\" không hợp lệ (direct, online, postal).");
        Need(DossierTerms.TryParseStatus(line.Status, out var status) && Importable.Contains(status), $"Trạng thái \"{line.Status}\" không hợp lệ.");
        Need(!string.IsNullOrWhiteSpace(line.Applicant?.FullName), "Thiếu họ tên người nộp.");
        Need(line.ReceivedAt is { } at && at <= now, "Thiếu thời điểm tiếp nhận hoặc thời điểm ở tương lai.");
        Need(line.DueAt is null || line.ReceivedAt is null || line.DueAt >= line.ReceivedAt, "Hạn trả kết quả trước thời điểm tiếp nhận.");
        // Processing ended with a result ready, or the dossier is closed: both carry the moment processing ended.
        var final = status.IsFinal() || status == DossierStatus.ResultReady;
        Need(final == line.FinishedAt.HasValue, final ? "Hồ sơ đã kết thúc phải có thời điểm kết thúc xử lý (finishedAt)." : "Hồ sơ đang giải quyết không được có thời điểm kết thúc xử lý.");
        Need(line.FinishedAt is null || line.ReceivedAt is null || line.FinishedAt >= line.ReceivedAt, "Thời điểm kết thúc xử lý trước thời điểm tiếp nhận.");
        Need(line.DueAt is not null || status is DossierStatus.AwaitingSupplement or DossierStatus.Suspended or DossierStatus.Withdrawn or DossierStatus.Stopped,
            "Thiếu hạn trả kết quả (dueAt).");
        var method = default(ReturnMethod);
        Need(line.ReturnMethod is null || ReturnMethods.TryParse(line.ReturnMethod, out method), $"Hình thức trả kết quả \"{line.ReturnMethod}\" không hợp lệ (desk, post, online).");
        var phone = Identifiers.NormalizePhone(line.Applicant?.Phone);
        Need(line.Applicant?.Phone is null || phone is not null, "Số điện thoại người nộp không hợp lệ.");
        foreach (var e in line.Events ?? [])
        {
            Need(e.At is not null && !string.IsNullOrWhiteSpace(e.Action) && e.Action.Length <= 40, "Một sự kiện trong lịch sử thiếu thời điểm hoặc thao tác.");
            // A supplement request belongs to processing: between reception and its end (reports count it there).
            Need(e.Action != DossierAction.RequestSupplement.Key() || e.At is not { } requested || ((line.ReceivedAt is null || requested >= line.ReceivedAt) && !(requested > line.FinishedAt)),
                "Yêu cầu bổ sung phải nằm trong thời gian giải quyết (từ khi tiếp nhận đến khi có kết quả).");
        }
        if (problems.Count > 0)
        {
            return null;
        }

        var supplements = (line.Events ?? []).Count(e => e.Action == DossierAction.RequestSupplement.Key());
        var clockStopped = status is DossierStatus.AwaitingSupplement or DossierStatus.Suspended;
        var due = clockStopped ? null : line.DueAt;
        var allowance = new ProcessingTime(version!.ProcessingValue, ProcessingTime.TryParseUnit(version.ProcessingUnit, out var unit) ? unit : TimeUnit.WorkingDays);
        var applicant = line.Applicant!;
        var dossier = new Dossier
        {
            SourceId = line.SourceId,
            Code = line.Code,
            ProcedureId = version.ProcedureId,
            ProcedureVersionId = version.Id,
            ProcedureCode = line.ProcedureCode!,
            ProcedureName = version.Name,
            FieldCode = version.FieldCode,
            Channel = channel,
            ApplicantKind = applicant.Kind == "organisation" ? ApplicantKind.Organisation : ApplicantKind.Person,
            ApplicantName = applicant.FullName!.Trim(),
            ApplicantPersonalId = applicant.PersonalId,
            ApplicantEnterpriseCode = applicant.EnterpriseCode,
            ApplicantPhone = phone,
            PhoneLast4 = phone?[^4..],
            ApplicantEmail = applicant.Email,
            ApplicantAddress = applicant.Address,
            ReceivingUnitId = receiving!.Id,
            ProcessingUnitId = processing!.Id,
            Status = status,
            CurrentStepRole = final ? StepRole.Return : StepRole.Specialist,
            CurrentUnitId = final ? receiving.Id : processing.Id,
            ReceivedAt = line.ReceivedAt,
            DueAt = due,
            OriginalDueAt = line.DueAt,
            FinishedAt = line.FinishedAt,
            ReturnedAt = line.ReturnedAt,
            ReturnMethod = line.ReturnMethod is null ? null : method,
            Timeliness = line.FinishedAt is { } finished && line.DueAt is { } dueAt ? TimelinessRules.Classify(finished, dueAt, supplements) : null,
            ClockState = final ? ClockState.Stopped : clockStopped ? ClockState.Suspended : ClockState.Running,
            ClockSince = line.FinishedAt ?? line.ReceivedAt,
            AllowanceValue = allowance.Value,
            AllowanceUnit = allowance.Unit,
            SupplementRequests = supplements,
            ReceivedByName = "Hệ thống một cửa cũ",
            Note = $"Nhập từ hệ thống cũ (mã {line.SourceId}).",
            CreatedAt = now,
            UpdatedAt = now,
        };
        events = (line.Events ?? []).Select(e => new DossierEvent
        {
            DossierId = dossier.Id,
            At = e.At!.Value,
            Action = e.Action!,
            ToStatus = status,
            ActorName = string.IsNullOrWhiteSpace(e.Actor) ? "Hệ thống một cửa cũ" : e.Actor,
            Note = e.Note,
        }).ToList();
        return dossier;
    }

    private async Task<List<(int Number, HistoryLine? Line, string? Error)>> ReadLinesAsync(BackgroundJob job, CancellationToken cancellationToken)
    {
        await using var stream = await files.OpenInputAsync(job, cancellationToken);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var lines = new List<(int, HistoryLine?, string?)>();
        var number = 0;
        while (await reader.ReadLineAsync(cancellationToken) is { } text)
        {
            number++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }
            try
            {
                var line = JsonSerializer.Deserialize<HistoryLine>(text, Json);
                lines.Add((number, line, line is null ? "Dòng không phải một đối tượng JSON hợp lệ." : null));
            }
            catch (JsonException)
            {
                lines.Add((number, null, "Dòng không phải một đối tượng JSON hợp lệ."));
            }
        }
        return lines;
    }
}
