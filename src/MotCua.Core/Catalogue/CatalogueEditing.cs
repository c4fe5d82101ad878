using Microsoft.EntityFrameworkCore;
using MotCua.Core.Audit;
using MotCua.Core.Common;
using MotCua.Core.Data;
using MotCua.Core.Files;
using MotCua.Domain.Text;

namespace MotCua.Core.Catalogue;

/// <summary>
/// The catalogue's editorial workflow: an editor drafts (a new procedure, an amendment or an abolition),
/// submits it; the procedure-control officer returns it with a note or records its announcement
/// (decision number, date, effective date). Announced versions are never edited again; a dossier keeps
/// the version it was received under.
/// </summary>
public sealed class CatalogueEditing(MotCuaDbContext db, AuditTrail audit, CatalogueIndex index, CatalogueQuery query, IFileStore files, IActor actor, TimeProvider time)
{
    public const long MaxFormBytes = 10 * 1024 * 1024;

    public async Task<ProcedureDetail> CreateAsync(ProcedureInput input, CancellationToken cancellationToken)
    {
        var code = (input.Code ?? "").Trim();
        var validation = new Validation();
        if (!ProcedureContent.IsValidCode(code))
        {
            validation.Add("code", "Mã thủ tục không đúng dạng mã của Cơ sở dữ liệu quốc gia (ví dụ 1.001193 hoặc 1.001193.H49).");
        }
        var version = NewVersion(1);
        ProcedureContent.Apply(input, version, await FieldCodesAsync(cancellationToken), validation);
        validation.ThrowIfInvalid();
        if (await db.Procedures.AnyAsync(p => p.Code == code, cancellationToken))
        {
            throw new ProblemException(409, "procedure_code_taken", "Mã thủ tục đã tồn tại", $"Thủ tục mã {code} đã có trong danh mục; hãy sửa đổi thủ tục đó.",
                new Dictionary<string, string[]> { ["code"] = ["Mã thủ tục đã tồn tại."] });
        }
        var procedure = new Procedure { Code = code, CreatedAt = time.Now() };
        version.ProcedureId = procedure.Id;
        procedure.Versions.Add(version);
        db.Procedures.Add(procedure);
        audit.Record("catalogue.create", "procedure", code, null, $"Tạo dự thảo thủ tục {code} \"{version.Name}\".");
        await audit.SaveAsync(cancellationToken);
        return await query.VersionAsync(version.Id, cancellationToken);
    }

    public async Task<ProcedureDetail> UpdateDraftAsync(Guid versionId, ProcedureInput input, string? changeSummary, CancellationToken cancellationToken)
    {
        var (procedure, version) = await LoadAsync(versionId, cancellationToken);
        RequireState(version, VersionState.Draft, "sửa");
        var validation = new Validation();
        ProcedureContent.Apply(input, version, await FieldCodesAsync(cancellationToken), validation);
        validation.ThrowIfInvalid();
        version.ChangeSummary = string.IsNullOrWhiteSpace(changeSummary) ? version.ChangeSummary : VietnameseText.Normalize(changeSummary);
        version.UpdatedAt = time.Now();
        audit.Record("catalogue.update_draft", "procedure", procedure.Code, null, $"Sửa dự thảo phiên bản {version.Number} của thủ tục {procedure.Code}.");
        await audit.SaveAsync(cancellationToken);
        return await query.VersionAsync(version.Id, cancellationToken);
    }

    /// <summary>Sends a draft for review; the content must be complete (Decree 63/2010 art. 8).</summary>
    public async Task<ProcedureDetail> SubmitAsync(Guid versionId, CancellationToken cancellationToken)
    {
        var (procedure, version) = await LoadAsync(versionId, cancellationToken);
        RequireState(version, VersionState.Draft, "gửi kiểm soát");
        if (version.Kind == VersionKind.Content)
        {
            var validation = new Validation()
                .Required("applicants", version.Applicants, "đối tượng thực hiện")
                .Required("result", version.Result, "kết quả thực hiện")
                .When(version.Components.Count == 0, "components", "Cần ít nhất một thành phần hồ sơ.")
                .When(version.ProcessSteps.Count == 0, "steps", "Cần quy trình nội bộ với ít nhất một bước.")
                .When(version.LegalBasis.Count == 0, "legalBasis", "Cần căn cứ pháp lý.");
            if (!validation.IsValid)
            {
                try
                {
                    validation.ThrowIfInvalid();
                }
                catch (ProblemException problem)
                {
                    throw new ProblemException(400, "incomplete_content", "Nội dung thủ tục chưa đầy đủ", "Bổ sung các nội dung còn thiếu trước khi gửi kiểm soát.", problem.Errors);
                }
            }
        }
        version.State = VersionState.InReview;
        version.SubmittedBy = actor.Name;
        version.SubmittedAt = time.Now();
        version.ReviewNote = null;
        version.UpdatedAt = time.Now();
        audit.Record("catalogue.submit", "procedure", procedure.Code, null, $"Gửi kiểm soát phiên bản {version.Number} của thủ tục {procedure.Code}.");
        await audit.SaveAsync(cancellationToken);
        return await query.VersionAsync(version.Id, cancellationToken);
    }

    public async Task<ProcedureDetail> ReturnAsync(Guid versionId, string? note, CancellationToken cancellationToken)
    {
        var (procedure, version) = await LoadAsync(versionId, cancellationToken);
        RequireState(version, VersionState.InReview, "trả lại");
        new Validation().Required("note", note, "lý do trả lại").ThrowIfInvalid();
        version.State = VersionState.Draft;
        version.ReviewNote = VietnameseText.Normalize(note);
        version.ReviewedBy = actor.Name;
        version.ReviewedAt = time.Now();
        version.UpdatedAt = time.Now();
        audit.Record("catalogue.return", "procedure", procedure.Code, null, $"Trả lại phiên bản {version.Number} của thủ tục {procedure.Code}: {version.ReviewNote}");
        await audit.SaveAsync(cancellationToken);
        return await query.VersionAsync(version.Id, cancellationToken);
    }

    /// <summary>Records the announcement decision; the version is in force from its effective date.</summary>
    public async Task<ProcedureDetail> AnnounceAsync(Guid versionId, AnnounceRequest request, CancellationToken cancellationToken)
    {
        var (procedure, version) = await LoadAsync(versionId, cancellationToken);
        RequireState(version, VersionState.InReview, "công bố");
        var validation = new Validation().Required("decisionNumber", request.DecisionNumber, "số quyết định công bố");
        var decisionDate = validation.Date("decisionDate", request.DecisionDate, "ngày ban hành quyết định", required: true);
        var effectiveDate = validation.Date("effectiveDate", request.EffectiveDate, "ngày có hiệu lực", required: true);
        var legalBasisDate = validation.Date("legalBasisEffectiveDate", request.LegalBasisEffectiveDate, "ngày hiệu lực của văn bản quy định", required: false);
        if (decisionDate is { } d && effectiveDate is { } e && e < d)
        {
            validation.Add("effectiveDate", "Ngày có hiệu lực không được trước ngày ban hành quyết định.");
        }
        validation.ThrowIfInvalid();

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        version.State = VersionState.Announced;
        version.DecisionNumber = VietnameseText.Normalize(request.DecisionNumber);
        version.DecisionDate = decisionDate;
        version.EffectiveDate = effectiveDate;
        version.LegalBasisEffectiveDate = legalBasisDate ?? version.LegalBasisEffectiveDate;
        version.ReviewedBy = actor.Name;
        version.ReviewedAt = time.Now();
        version.UpdatedAt = time.Now();
        await CatalogueIndex.BumpAsync(db, cancellationToken);
        audit.Record("catalogue.announce", "procedure", procedure.Code, null,
            $"Công bố {(version.Kind == VersionKind.Abolition ? "bãi bỏ" : "")} thủ tục {procedure.Code} (phiên bản {version.Number}) theo {version.DecisionNumber} ngày {decisionDate:dd/MM/yyyy}, hiệu lực từ {effectiveDate:dd/MM/yyyy}.");
        await audit.SaveAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        index.Invalidate();
        return await query.VersionAsync(version.Id, cancellationToken);
    }

    /// <summary>A new draft copied from the version in force, to amend it.</summary>
    public Task<ProcedureDetail> AmendAsync(string code, CancellationToken cancellationToken) =>
        BranchAsync(code, VersionKind.Content, null, cancellationToken);

    /// <summary>A draft announcing the procedure's abolition; once announced it stays visible as abolished.</summary>
    public Task<ProcedureDetail> AbolishAsync(string code, string? reason, CancellationToken cancellationToken)
    {
        new Validation().Required("reason", reason, "lý do bãi bỏ").ThrowIfInvalid();
        return BranchAsync(code, VersionKind.Abolition, VietnameseText.Normalize(reason), cancellationToken);
    }

    public async Task DeleteDraftAsync(Guid versionId, CancellationToken cancellationToken)
    {
        var (procedure, version) = await LoadAsync(versionId, cancellationToken);
        RequireState(version, VersionState.Draft, "xóa");
        db.ProcedureVersions.Remove(version);
        var onlyVersion = !await db.ProcedureVersions.AnyAsync(v => v.ProcedureId == procedure.Id && v.Id != version.Id, cancellationToken);
        if (onlyVersion)
        {
            db.Procedures.Remove(procedure);
        }
        audit.Record("catalogue.delete_draft", "procedure", procedure.Code, null, $"Xóa dự thảo phiên bản {version.Number} của thủ tục {procedure.Code}.");
        await audit.SaveAsync(cancellationToken);
    }

    /// <summary>Records when an announced version was published on the national procedure database (indicator 1.2).</summary>
    public async Task<ProcedureDetail> SetPublicationAsync(Guid versionId, PublicationRequest request, CancellationToken cancellationToken)
    {
        var (procedure, version) = await LoadAsync(versionId, cancellationToken);
        RequireState(version, VersionState.Announced, "ghi ngày đăng tải");
        var validation = new Validation();
        var published = validation.Date("publishedOnNationalDatabase", request.PublishedOnNationalDatabase, "ngày đăng tải", required: true);
        if (published < version.DecisionDate)
        {
            validation.Add("publishedOnNationalDatabase", "Ngày đăng tải không được trước ngày ban hành quyết định công bố.");
        }
        validation.ThrowIfInvalid();
        version.PublishedOnNationalDatabase = published;
        version.UpdatedAt = time.Now();
        audit.Record("catalogue.publication", "procedure", procedure.Code, null, $"Ghi ngày đăng tải thủ tục {procedure.Code} (phiên bản {version.Number}) lên CSDL quốc gia: {published:dd/MM/yyyy}.");
        await audit.SaveAsync(cancellationToken);
        return await query.VersionAsync(version.Id, cancellationToken);
    }

    /// <summary>Attaches a form (PDF, Word, OpenDocument; checked by signature, at most 10 MB) to a component of a draft.</summary>
    public async Task<ProcedureDetail> UploadFormAsync(Guid versionId, Guid componentId, Stream content, string fileName, CancellationToken cancellationToken)
    {
        var (procedure, version) = await LoadAsync(versionId, cancellationToken);
        RequireState(version, VersionState.Draft, "đính kèm mẫu đơn");
        var component = version.Components.FirstOrDefault(c => c.Id == componentId) ?? throw ProblemException.NotFound("thành phần hồ sơ");
        using var buffer = new MemoryStream();
        await Uploads.CopyLimitedAsync(content, buffer, MaxFormBytes, cancellationToken);
        var kind = await FileSignature.DetectAsync(buffer, cancellationToken);
        if (kind is null || (kind != FileSignature.Pdf && kind != FileSignature.Docx && kind != FileSignature.Odt && kind != FileSignature.LegacyOffice))
        {
            throw new ProblemException(415, "unsupported_file_type", "Định dạng tệp không được chấp nhận",
                "Mẫu đơn phải là tệp PDF, Word (DOC, DOCX) hoặc OpenDocument (ODT); tệp được kiểm tra theo nội dung, không theo phần mở rộng.");
        }
        var key = await files.SaveAsync(buffer, kind.Extension, cancellationToken);
        component.FormFileKey = key;
        component.FormFileName = Uploads.SafeFileName(fileName, kind.Extension, "mau-don");
        component.FormContentType = kind.ContentType;
        version.UpdatedAt = time.Now();
        audit.Record("catalogue.form", "procedure", procedure.Code, null, $"Đính kèm mẫu \"{component.FormFileName}\" cho thành phần \"{component.Name}\" của thủ tục {procedure.Code}.");
        await audit.SaveAsync(cancellationToken);
        return await query.VersionAsync(version.Id, cancellationToken);
    }

    private async Task<ProcedureDetail> BranchAsync(string code, VersionKind kind, string? summary, CancellationToken cancellationToken)
    {
        var procedure = await db.Procedures.FirstOrDefaultAsync(p => p.Code == code, cancellationToken) ?? throw ProblemException.NotFound($"thủ tục mã {code}");
        var versions = await db.ProcedureVersions.Where(v => v.ProcedureId == procedure.Id).ToListAsync(cancellationToken);
        if (versions.Any(v => v.State != VersionState.Announced))
        {
            throw ProblemException.Conflict("draft_exists", "Thủ tục đang có dự thảo", "Hoàn tất hoặc xóa dự thảo đang có trước khi tạo dự thảo mới.");
        }
        var today = time.Today();
        var source = versions.Where(v => v.EffectiveDate <= today).MaxBy(v => v.Number) ?? versions.MaxBy(v => v.Number)
            ?? throw ProblemException.NotFound($"phiên bản đã công bố của thủ tục {code}");
        if (source.Kind == VersionKind.Abolition)
        {
            throw ProblemException.Conflict("procedure_abolished", "Thủ tục đã bị bãi bỏ", "Không thể sửa đổi hoặc bãi bỏ lại một thủ tục đã bãi bỏ.");
        }
        var draft = Clone(source, NewVersion(versions.Max(v => v.Number) + 1));
        draft.ProcedureId = procedure.Id;
        draft.Kind = kind;
        draft.ChangeSummary = summary;
        db.ProcedureVersions.Add(draft);
        audit.Record(kind == VersionKind.Abolition ? "catalogue.abolish_draft" : "catalogue.amend_draft", "procedure", code, null,
            kind == VersionKind.Abolition ? $"Tạo dự thảo bãi bỏ thủ tục {code}: {summary}" : $"Tạo dự thảo sửa đổi thủ tục {code} (phiên bản {draft.Number}).");
        await audit.SaveAsync(cancellationToken);
        return await query.VersionAsync(draft.Id, cancellationToken);
    }

    private ProcedureVersion NewVersion(int number)
    {
        var now = time.Now();
        return new ProcedureVersion { Number = number, State = VersionState.Draft, CreatedAt = now, UpdatedAt = now, CreatedBy = actor.Name };
    }

    /// <summary>The content of <paramref name="source"/> in <paramref name="target"/>; components keep their ids and forms.</summary>
    internal static ProcedureVersion Clone(ProcedureVersion source, ProcedureVersion target)
    {
        target.Name = source.Name;
        target.FieldCode = source.FieldCode;
        target.Levels = source.Levels;
        target.Agency = source.Agency;
        target.ProcessingValue = source.ProcessingValue;
        target.ProcessingUnit = source.ProcessingUnit;
        target.ProcessingNote = source.ProcessingNote;
        target.OnlineLevel = source.OnlineLevel;
        target.Postal = source.Postal;
        target.ImplementationSteps = source.ImplementationSteps;
        target.Result = source.Result;
        target.Applicants = source.Applicants;
        target.Conditions = source.Conditions;
        target.Keywords = source.Keywords;
        target.SearchText = source.SearchText;
        target.LegalBasis = [.. source.LegalBasis];
        target.LegalBasisEffectiveDate = source.LegalBasisEffectiveDate;
        target.Fees = source.Fees.Select(f => new Fee { Name = f.Name, Kind = f.Kind, AmountVnd = f.AmountVnd, MaxVnd = f.MaxVnd, Exemptions = f.Exemptions, OnlineDiscountPercent = f.OnlineDiscountPercent, Note = f.Note }).ToList();
        target.Components = source.Components.Select(c => new Component { Id = c.Id, Name = c.Name, Copies = c.Copies, Original = c.Original, Required = c.Required, FormName = c.FormName, FormFileKey = c.FormFileKey, FormFileName = c.FormFileName, FormContentType = c.FormContentType }).ToList();
        target.ProcessSteps = source.ProcessSteps.Select(s => new ProcessStep { Name = s.Name, Role = s.Role, Share = s.Share, FixedHours = s.FixedHours }).ToList();
        target.InterAgency = source.InterAgency is null ? null : new InterAgencySetup
        {
            LeadAgency = source.InterAgency.LeadAgency,
            Consulted = source.InterAgency.Consulted.Select(c => new ConsultedAgency { Name = c.Name, UnitKind = c.UnitKind, Value = c.Value, Unit = c.Unit }).ToList(),
        };
        return target;
    }

    private async Task<(Procedure Procedure, ProcedureVersion Version)> LoadAsync(Guid versionId, CancellationToken cancellationToken)
    {
        var version = await db.ProcedureVersions.FirstOrDefaultAsync(v => v.Id == versionId, cancellationToken) ?? throw ProblemException.NotFound("phiên bản thủ tục");
        var procedure = await db.Procedures.FirstAsync(p => p.Id == version.ProcedureId, cancellationToken);
        return (procedure, version);
    }

    private async Task<HashSet<string>> FieldCodesAsync(CancellationToken cancellationToken) =>
        (await db.Fields.Select(f => f.Code).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);

    private static void RequireState(ProcedureVersion version, VersionState state, string action)
    {
        if (version.State != state)
        {
            throw ProblemException.Conflict("invalid_version_state", $"Không thể {action} phiên bản này",
                $"Chỉ {action} được phiên bản ở trạng thái \"{ProcedureContent.StateName(ProcedureContent.StateKey(state))}\"; phiên bản này đang \"{ProcedureContent.StateName(ProcedureContent.StateKey(version.State))}\".");
        }
    }
}
