using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Audit;
using MotCua.Core.Calendar;
using MotCua.Core.Catalogue;
using MotCua.Core.Common;
using MotCua.Core.Data;
using MotCua.Core.Files;
using MotCua.Core.Organisation;
using MotCua.Domain.Calendar;
using MotCua.Domain.Dossiers;
using MotCua.Domain.Text;

namespace MotCua.Core.Dossiers;

/// <summary>
/// The result of a reception call; <c>Replayed</c> when an Idempotency-Key returned an earlier dossier.
/// A new reception carries what it wrote (version, first step, event, notices queued for the national
/// portal) so that its answer needs no further reads.
/// </summary>
public sealed record ReceptionResult(Dossier Dossier, bool Replayed)
{
    public ProcedureVersion? Version { get; init; }

    public DossierStep? Step { get; init; }

    public DossierEvent? Event { get; init; }

    public int Notices { get; init; }
}

/// <summary>
/// Reception at the one-stop desk (Decree 61/2018 art. 15–16): the dossier is checked against the
/// procedure's component list and received (code, due moment, receipt), returned for completion with
/// every missing item listed at once (form 02), or refused with reasons (form 03).
/// </summary>
public sealed class ReceptionService(
    MotCuaDbContext db,
    AuditTrail audit,
    CatalogueIndex catalogue,
    CalendarProvider calendars,
    UnitTreeSource trees,
    DossierNotices notices,
    IActor actor,
    TimeProvider time)
{
    public async Task<ReceptionResult> ReceiveAsync(ReceiveDossierRequest request, string? idempotencyKey, Guid defaultUnitId, string? npspId, CancellationToken cancellationToken)
    {
        var requestHash = Hash(request, npspId);
        if (npspId is not null && await db.Set<Dossier>().Include(d => d.Documents).FirstOrDefaultAsync(d => d.NpspId == npspId, cancellationToken) is { } known)
        {
            return new ReceptionResult(known, true);
        }

        var validation = new Validation();
        var (version, procedureCode) = await ProcedureAsync(request.ProcedureCode, validation, cancellationToken);
        var channel = ParseChannel(request.Channel, version, validation);
        var applicant = ParseApplicant(request.Applicant, validation);
        var tree = await trees.GetAsync(cancellationToken);
        var receivingUnitId = request.ReceivingUnitId ?? defaultUnitId;
        if (tree.Find(receivingUnitId) is not { IsActive: true })
        {
            validation.Add("receivingUnitId", "Không tìm thấy bộ phận tiếp nhận.");
        }
        if (request.ProcessingUnitId is { } chosen && tree.Find(chosen) is not { IsActive: true })
        {
            validation.Add("processingUnitId", "Không tìm thấy cơ quan giải quyết.");
        }
        var online = npspId is not null;
        var documents = version is null ? [] : await DocumentsAsync(version, request.Documents, requireAll: !online, validation, cancellationToken);
        if (!validation.IsValid && await ReplayAsync(idempotencyKey, requestHash, cancellationToken) is { } earlier)
        {
            // The same request was received before (the catalogue may have changed since): its dossier stands.
            return new ReceptionResult(earlier, true);
        }
        validation.ThrowIfInvalid();

        var now = time.Now();
        var processingUnitId = request.ProcessingUnitId ?? DossierProcess.ProcessingUnit(tree, receivingUnitId, version!);
        var calendar = await calendars.ForUnitAsync(processingUnitId, cancellationToken);
        var allowance = new ProcessingTime(version!.ProcessingValue, ProcessingTime.TryParseUnit(version.ProcessingUnit, out var unit) ? unit : TimeUnit.WorkingDays);
        // An online dossier waits for the desk's check; its clock starts when the desk accepts it.
        var clock = online ? null : DeadlineClock.Start(calendar, allowance, now);
        var steps = DossierProcess.Steps(version);
        var receivingUnit = tree.Find(receivingUnitId)!;

        var dossier = new Dossier
        {
            NpspId = npspId,
            ProcedureId = version.ProcedureId,
            ProcedureVersionId = version.Id,
            ProcedureCode = procedureCode!,
            ProcedureName = version.Name,
            FieldCode = version.FieldCode,
            Channel = channel,
            ApplicantKind = applicant.Kind,
            ApplicantName = applicant.Name,
            ApplicantPersonalId = applicant.PersonalId,
            ApplicantEnterpriseCode = applicant.EnterpriseCode,
            ApplicantPhone = applicant.Phone,
            PhoneLast4 = applicant.Phone?[^4..],
            ApplicantEmail = applicant.Email,
            ApplicantAddress = applicant.Address,
            ReceivingUnitId = receivingUnitId,
            ProcessingUnitId = processingUnitId,
            Status = online ? DossierStatus.Submitted : DossierStatus.Received,
            CurrentStepIndex = 0,
            CurrentStepRole = steps[0].Role,
            CurrentUnitId = receivingUnitId,
            CurrentAssigneeId = actor.OfficerId,
            CurrentAssigneeName = actor.OfficerId is null ? null : actor.DisplayName,
            ReceivedAt = online ? null : now,
            DueAt = clock?.DueAt,
            OriginalDueAt = clock?.DueAt,
            ClockState = clock?.State ?? ClockState.NotStarted,
            ClockSince = online ? null : now,
            CurrentStepDeadline = online ? null : DossierProcess.ReceptionDeadline(calendar, now),
            AllowanceValue = allowance.Value,
            AllowanceUnit = allowance.Unit,
            Note = Blank(request.Note),
            ReceivedById = actor.OfficerId,
            ReceivedByName = online ? "Cổng Dịch vụ công quốc gia" : actor.DisplayName,
            CreatedAt = now,
            UpdatedAt = now,
            Documents = documents,
            Digitised = Dossier.AllScanned(documents),
        };

        var day = DateOnly.FromDateTime(now.ToVietnam().DateTime);
        var (number, replay) = await NumberOrReplayAsync(receivingUnit.AgencyCode, day, idempotencyKey, requestHash, cancellationToken);
        if (replay is not null)
        {
            return new ReceptionResult(replay, true);
        }
        dossier.Code = Identifiers.DossierCode(receivingUnit.AgencyCode, day, number);
        db.Add(dossier);
        var firstStep = new DossierStep
        {
            DossierId = dossier.Id,
            Index = 0,
            Name = steps[0].Name,
            Role = steps[0].Role,
            UnitId = receivingUnitId,
            UnitName = receivingUnit.Name,
            AssigneeId = dossier.CurrentAssigneeId,
            AssigneeName = dossier.CurrentAssigneeName,
            StartedAt = now,
            Deadline = dossier.CurrentStepDeadline,
        };
        db.Add(firstStep);
        var received = new DossierEvent
        {
            DossierId = dossier.Id,
            At = now,
            Action = online ? "submit" : "receive",
            ToStatus = dossier.Status,
            ActorId = actor.OfficerId,
            ActorName = dossier.ReceivedByName,
            Note = online
                ? $"Nhận hồ sơ trực tuyến từ Cổng Dịch vụ công quốc gia (mã {npspId}); chờ kiểm tra, tiếp nhận."
                : $"Tiếp nhận {channel.Vietnamese().ToLowerInvariant()}; hẹn trả {dossier.DueAt!.Value.ToVietnam():HH:mm dd/MM/yyyy}.",
            DueAt = dossier.DueAt,
        };
        db.Add(received);
        if (idempotencyKey is not null && actor.OfficerId is { } officerId)
        {
            db.Add(new IdempotencyRecord { OfficerId = officerId, Key = idempotencyKey, RequestHash = requestHash, DossierId = dossier.Id, CreatedAt = now });
        }
        if (!online)
        {
            notices.Received(dossier);
            notices.StatusChanged(dossier, receivingUnit.AgencyCode, "Tiếp nhận hồ sơ");
        }
        audit.Record(online ? "dossier.submit" : "dossier.receive", "dossier", dossier.Code, receivingUnitId,
            $"{(online ? "Nhận hồ sơ trực tuyến" : "Tiếp nhận hồ sơ")} {dossier.Code} – {dossier.ProcedureName} – người nộp {dossier.ApplicantName}{(dossier.ApplicantPersonalId is null ? "" : $" (định danh {dossier.ApplicantPersonalId})")}.");
        try
        {
            // One save, so one transaction: the dossier, its first step and event, the notices and the audit
            // entry are written together or not at all.
            await audit.SaveAsync(cancellationToken);
        }
        catch (DbUpdateException) when (idempotencyKey is not null)
        {
            // The same key raced another request: that one won (nothing of this one was written); answer with its dossier.
            db.ChangeTracker.Clear();
            if (await ReplayAsync(idempotencyKey, requestHash, cancellationToken) is { } winner)
            {
                return new ReceptionResult(winner, true);
            }
            throw;
        }
        return new ReceptionResult(dossier, false) { Version = version, Step = firstStep, Event = received, Notices = online ? 0 : 1 };
    }

    /// <summary>Form 02 at the desk (every missing item at once) or form 03 (refusal with reasons): recorded, never received.</summary>
    public async Task<Dossier> DeskOutcomeAsync(DeskOutcomeRequest request, bool refuse, Guid defaultUnitId, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var (version, procedureCode) = await ProcedureAsync(request.ProcedureCode, validation, cancellationToken);
        var channel = ParseChannel(request.Channel, version, validation);
        var applicant = ParseApplicant(request.Applicant, validation);
        var tree = await trees.GetAsync(cancellationToken);
        var receivingUnitId = request.ReceivingUnitId ?? defaultUnitId;
        if (tree.Find(receivingUnitId) is null)
        {
            validation.Add("receivingUnitId", "Không tìm thấy bộ phận tiếp nhận.");
        }
        var missing = (request.MissingItems ?? []).Select(VietnameseText.Normalize).Where(m => m.Length > 0).ToList();
        if (refuse)
        {
            validation.Required("reason", request.Reason, "lý do từ chối tiếp nhận");
        }
        else if (missing.Count == 0)
        {
            validation.Add("missingItems", "Liệt kê đầy đủ các giấy tờ cần bổ sung (một lần).");
        }
        validation.ThrowIfInvalid();

        var now = time.Now();
        var dossier = new Dossier
        {
            ProcedureId = version!.ProcedureId,
            ProcedureVersionId = version.Id,
            ProcedureCode = procedureCode!,
            ProcedureName = version.Name,
            FieldCode = version.FieldCode,
            Channel = channel,
            ApplicantKind = applicant.Kind,
            ApplicantName = applicant.Name,
            ApplicantPersonalId = applicant.PersonalId,
            ApplicantEnterpriseCode = applicant.EnterpriseCode,
            ApplicantPhone = applicant.Phone,
            PhoneLast4 = applicant.Phone?[^4..],
            ApplicantEmail = applicant.Email,
            ApplicantAddress = applicant.Address,
            ReceivingUnitId = receivingUnitId,
            ProcessingUnitId = receivingUnitId,
            CurrentUnitId = receivingUnitId,
            Status = refuse ? DossierStatus.NotAccepted : DossierStatus.IncompleteAtDesk,
            ClockState = ClockState.Stopped,
            AllowanceValue = version.ProcessingValue,
            AllowanceUnit = ProcessingTime.TryParseUnit(version.ProcessingUnit, out var unit) ? unit : TimeUnit.WorkingDays,
            Reason = refuse ? VietnameseText.Normalize(request.Reason) : null,
            MissingItems = refuse ? null : string.Join('\n', missing),
            ReceivedById = actor.OfficerId,
            ReceivedByName = actor.DisplayName,
            FinishedAt = now,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Add(dossier);
        db.Add(new DossierEvent
        {
            DossierId = dossier.Id,
            At = now,
            Action = refuse ? "refuse" : "request-supplement-at-desk",
            ToStatus = dossier.Status,
            ActorId = actor.OfficerId,
            ActorName = actor.DisplayName,
            Note = refuse ? dossier.Reason : string.Join("; ", missing),
        });
        audit.Record(refuse ? "dossier.refuse" : "dossier.incomplete", "dossier", dossier.Id.ToString(), receivingUnitId,
            refuse
                ? $"Từ chối tiếp nhận hồ sơ {dossier.ProcedureName} của {dossier.ApplicantName}: {dossier.Reason}"
                : $"Hướng dẫn bổ sung hồ sơ {dossier.ProcedureName} của {dossier.ApplicantName}: {string.Join("; ", missing)}");
        await audit.SaveAsync(cancellationToken);
        return dossier;
    }

    /// <summary>
    /// The dossier an earlier request with the same Idempotency-Key received, or else the next number of the
    /// agency's day. The number is taken by one statement committed on its own before the reception is saved:
    /// the counter row is locked only for the increment, so receptions at one desk do not queue behind each
    /// other's whole transaction. Numbers only move forward (never reused); a reception that fails after taking
    /// one leaves a gap. On PostgreSQL one statement both looks for the key and, when it is new, takes the
    /// number, and the increment commits without waiting for the disk (<c>synchronous_commit</c> off for that
    /// statement only): the reception's own commit, later in the same write-ahead log, makes it durable
    /// together with the code.
    /// </summary>
    private async Task<(int Number, Dossier? Replay)> NumberOrReplayAsync(string agencyCode, DateOnly day, string? idempotencyKey, string requestHash, CancellationToken cancellationToken)
    {
        var officerId = idempotencyKey is null ? null : actor.OfficerId;
        if (db.IsSqlite)
        {
            if (await ReplayAsync(idempotencyKey, requestHash, cancellationToken) is { } replay)
            {
                return (0, replay);
            }
            var numbers = await db.Database.SqlQuery<int>($"""
                INSERT INTO "DossierCodeCounters" ("AgencyCode", "Day", "Last") VALUES ({agencyCode}, {day}, 1)
                ON CONFLICT ("AgencyCode", "Day") DO UPDATE SET "Last" = "DossierCodeCounters"."Last" + 1
                RETURNING "Last" AS "Value"
                """).ToListAsync(cancellationToken);
            return (numbers.Single(), null);
        }
        var rows = await db.Database.SqlQuery<NumberOrEarlier>($"""
            WITH earlier AS (
                SELECT "DossierId", "RequestHash" FROM "IdempotencyRecords" WHERE "OfficerId" = {officerId} AND "Key" = {idempotencyKey}),
            taken AS (
                INSERT INTO "DossierCodeCounters" ("AgencyCode", "Day", "Last")
                SELECT {agencyCode}, {day}, 1 FROM (SELECT set_config('synchronous_commit', 'off', true)) AS relaxed
                WHERE NOT EXISTS (SELECT 1 FROM earlier)
                ON CONFLICT ("AgencyCode", "Day") DO UPDATE SET "Last" = "DossierCodeCounters"."Last" + 1
                RETURNING "Last")
            SELECT "Last" AS "Number", NULL::uuid AS "DossierId", NULL::text AS "RequestHash" FROM taken
            UNION ALL
            SELECT NULL, "DossierId", "RequestHash" FROM earlier
            """).ToListAsync(cancellationToken);
        var row = rows.Single();
        if (row.Number is { } number)
        {
            return (number, null);
        }
        return (0, await EarlierAsync(row.RequestHash!, requestHash, row.DossierId!.Value, cancellationToken));
    }

    /// <summary>What <see cref="NumberOrReplayAsync"/> reads on PostgreSQL: a number, or the earlier request's dossier and hash.</summary>
    private sealed record NumberOrEarlier(int? Number, Guid? DossierId, string? RequestHash);

    private async Task<Dossier?> ReplayAsync(string? idempotencyKey, string requestHash, CancellationToken cancellationToken)
    {
        if (idempotencyKey is null || actor.OfficerId is not { } officerId)
        {
            return null;
        }
        var record = await db.Set<IdempotencyRecord>().AsNoTracking().FirstOrDefaultAsync(r => r.OfficerId == officerId && r.Key == idempotencyKey, cancellationToken);
        return record is null ? null : await EarlierAsync(record.RequestHash, requestHash, record.DossierId, cancellationToken);
    }

    private async Task<Dossier> EarlierAsync(string earlierHash, string requestHash, Guid dossierId, CancellationToken cancellationToken)
    {
        if (earlierHash != requestHash)
        {
            throw ProblemException.Conflict("idempotency_key_reused", "Khóa Idempotency-Key đã dùng cho yêu cầu khác",
                "Mỗi lần tiếp nhận một hồ sơ mới cần một Idempotency-Key mới.");
        }
        return await db.Set<Dossier>().Include(d => d.Documents).FirstAsync(d => d.Id == dossierId, cancellationToken);
    }

    private async Task<(ProcedureVersion? Version, string? Code)> ProcedureAsync(string? code, Validation validation, CancellationToken cancellationToken)
    {
        var snapshot = await catalogue.GetAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(code) || !snapshot.ByCode.TryGetValue(code.Trim(), out var position))
        {
            validation.Add("procedureCode", "Không tìm thấy thủ tục đang có hiệu lực với mã này.");
            return (null, null);
        }
        var entry = snapshot.Entries[position];
        if (entry.Summary.Abolished)
        {
            validation.Add("procedureCode", "Thủ tục đã bị bãi bỏ, không tiếp nhận hồ sơ.");
            return (null, null);
        }
        return (await snapshot.VersionAsync(db, entry.VersionId, cancellationToken), entry.Summary.Code);
    }

    private static Channel ParseChannel(string? key, ProcedureVersion? version, Validation validation)
    {
        if (!DossierTerms.TryParseChannel(key ?? "direct", out var channel))
        {
            validation.Add("channel", "Kênh tiếp nhận phải là direct, postal hoặc online.");
        }
        else if (channel == Channel.Postal && version is { Postal: false })
        {
            validation.Add("channel", "Thủ tục này không tiếp nhận qua dịch vụ bưu chính.");
        }
        else if (channel == Channel.Online && version is { OnlineLevel: OnlineLevel.None })
        {
            validation.Add("channel", "Thủ tục này không cung cấp dịch vụ công trực tuyến.");
        }
        return channel;
    }

    private sealed record ParsedApplicant(ApplicantKind Kind, string Name, string? PersonalId, string? EnterpriseCode, string? Phone, string? Email, string? Address);

    private ParsedApplicant ParseApplicant(ApplicantInput? input, Validation validation)
    {
        if (input is null)
        {
            validation.Add("applicant", "Vui lòng nhập thông tin người nộp hồ sơ.");
            return new ParsedApplicant(ApplicantKind.Person, "", null, null, null, null, null);
        }
        var kind = input.Kind is null or "person" ? ApplicantKind.Person : input.Kind == "organisation" ? ApplicantKind.Organisation : (ApplicantKind?)null;
        if (kind is null)
        {
            validation.Add("applicant.kind", "Loại người nộp phải là person (cá nhân) hoặc organisation (tổ chức).");
        }
        var name = VietnameseText.Normalize(input.FullName);
        validation.Required("applicant.fullName", name, kind == ApplicantKind.Organisation ? "tên tổ chức" : "họ và tên").MaxLength("applicant.fullName", name, 300, "họ và tên");
        var personalId = string.IsNullOrWhiteSpace(input.PersonalId) ? null : input.PersonalId.Trim();
        if (personalId is not null && Identifiers.PersonalIdProblem(personalId, time.GetUtcNow().ToVietnam().Year) is { } problem)
        {
            validation.Add("applicant.personalId", problem);
        }
        var enterprise = string.IsNullOrWhiteSpace(input.EnterpriseCode) ? null : input.EnterpriseCode.Trim();
        if (enterprise is not null && !Identifiers.IsEnterpriseCode(enterprise))
        {
            validation.Add("applicant.enterpriseCode", "Mã số doanh nghiệp gồm 10 chữ số (chi nhánh thêm -001).");
        }
        string? phone = null;
        if (!string.IsNullOrWhiteSpace(input.Phone))
        {
            phone = Identifiers.NormalizePhone(input.Phone);
            if (phone is null)
            {
                validation.Add("applicant.phone", "Số điện thoại không hợp lệ.");
            }
        }
        var email = string.IsNullOrWhiteSpace(input.Email) ? null : input.Email.Trim();
        if (email is not null && !System.Net.Mail.MailAddress.TryCreate(email, out _))
        {
            validation.Add("applicant.email", "Địa chỉ thư điện tử không hợp lệ.");
        }
        return new ParsedApplicant(kind ?? ApplicantKind.Person, name, personalId, enterprise, phone, email, Blank(input.Address));
    }

    /// <summary>The submitted components; every required one must be there, and all missing are named at once.</summary>
    private async Task<List<DossierDocument>> DocumentsAsync(ProcedureVersion version, IReadOnlyList<DocumentInput>? inputs, bool requireAll, Validation validation, CancellationToken cancellationToken)
    {
        var documents = new List<DossierDocument>();
        var given = inputs ?? [];
        for (var i = 0; i < given.Count; i++)
        {
            var component = version.Components.FirstOrDefault(c => c.Id == given[i].ComponentId);
            if (component is null)
            {
                validation.Add($"documents[{i}].componentId", "Thành phần hồ sơ không thuộc thủ tục này.");
                continue;
            }
            if (given[i].Copies is < 1 or > 100)
            {
                validation.Add($"documents[{i}].copies", "Số bản phải từ 1 đến 100.");
            }
            if (given[i].FileId is { } fileId && !await db.Set<StoredFile>().AnyAsync(f => f.Id == fileId, cancellationToken))
            {
                validation.Add($"documents[{i}].fileId", "Không tìm thấy tệp đính kèm.");
            }
            documents.Add(new DossierDocument
            {
                ComponentId = component.Id,
                Name = component.Name,
                Copies = given[i].Copies ?? component.Copies,
                Original = given[i].Original ?? component.Original,
                FileId = given[i].FileId,
            });
        }
        var missing = version.Components.Where(c => c.Required && documents.All(d => d.ComponentId != c.Id)).ToList();
        if (requireAll && missing.Count > 0)
        {
            validation.Add("documents", $"Thiếu thành phần hồ sơ bắt buộc: {string.Join("; ", missing.Select(m => m.Name))}.");
        }
        return documents;
    }

    private static string Hash(ReceiveDossierRequest request, string? npspId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { request, npspId }))));

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : VietnameseText.Normalize(value);
}
