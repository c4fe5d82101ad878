using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using MotCua.Core.Catalogue;
using MotCua.Core.Catalogue.Transfer;
using MotCua.Core.Common;
using MotCua.Core.Jobs;
using MotCua.Domain.Organisation;
using MotCua.Web.Api;
using MotCua.Web.Security;

namespace MotCua.Web.Catalogue;

public sealed record UpdateDraftRequest(ProcedureInput? Content, string? ChangeSummary);

public static class CatalogueApi
{
    public static IEndpointRouteBuilder MapCatalogueApi(this IEndpointRouteBuilder app)
    {
        var procedures = app.MapApiGroup("/procedures", "Thủ tục hành chính").AllowAnonymous().RequireRateLimiting(Policies.PublicRateLimit);
        procedures.MapGet("/", List)
            .WithSummary("Danh mục thủ tục đang có hiệu lực; với q: tìm theo cách người dân hỏi (không dấu, gõ sai, từ thông dụng), xếp theo mức độ phù hợp.");
        procedures.MapGet("/{code}", Get).WithSummary("Toàn bộ nội dung thủ tục đang có hiệu lực (Nghị định 63/2010).");
        procedures.MapGet("/{code}/versions", PublicHistory).WithSummary("Các phiên bản đã công bố của thủ tục.");
        app.MapApiGroup("/fields", "Thủ tục hành chính").MapGet("/", Fields).AllowAnonymous().RequireRateLimiting(Policies.PublicRateLimit)
            .WithSummary("Lĩnh vực và số thủ tục đang có hiệu lực.");
        app.MapGet("/thu-tuc/{code}/mau/{componentId:guid}", DownloadForm).AllowAnonymous().RequireRateLimiting(Policies.PublicRateLimit)
            .ExcludeFromDescription();

        var catalogue = app.MapApiGroup("/catalogue", "Biên tập danh mục");
        catalogue.MapGet("/versions", WorkList).RequireAuthorization(Policies.CatalogueStaff)
            .WithSummary("Phiên bản đang dự thảo (state=draft) hoặc chờ kiểm soát (state=in_review).");
        catalogue.MapGet("/versions/{id:guid}", Version).RequireAuthorization(Policies.CatalogueStaff);
        catalogue.MapGet("/procedures/{code}/versions", History).RequireAuthorization(Policies.CatalogueStaff);
        catalogue.MapPost("/procedures", Create).RequireAuthorization(Policies.CatalogueEditor)
            .WithSummary("Tạo dự thảo thủ tục mới.");
        catalogue.MapPut("/versions/{id:guid}", Update).RequireAuthorization(Policies.CatalogueEditor);
        catalogue.MapDelete("/versions/{id:guid}", Delete).RequireAuthorization(Policies.CatalogueEditor);
        catalogue.MapPost("/versions/{id:guid}/submit", Submit).RequireAuthorization(Policies.CatalogueEditor);
        catalogue.MapPost("/versions/{id:guid}/return", Return).RequireAuthorization(Policies.ProcedureControl);
        catalogue.MapPost("/versions/{id:guid}/announce", Announce).RequireAuthorization(Policies.ProcedureControl)
            .WithSummary("Ghi quyết định công bố: số, ngày ban hành, ngày có hiệu lực.");
        catalogue.MapPut("/versions/{id:guid}/publication", Publication).RequireAuthorization(Policies.ProcedureControl);
        catalogue.MapPost("/procedures/{code}/amend", Amend).RequireAuthorization(Policies.CatalogueEditor);
        catalogue.MapPost("/procedures/{code}/abolish", Abolish).RequireAuthorization(Policies.CatalogueEditor);
        // Multipart uploads: bearer calls need no anti-forgery token; cookie calls are checked by the group filter.
        catalogue.MapPost("/versions/{id:guid}/components/{componentId:guid}/form", UploadForm).RequireAuthorization(Policies.CatalogueEditor)
            .DisableAntiforgery();
        catalogue.MapPost("/imports", Import).RequireAuthorization(Policies.CatalogueEditor).DisableAntiforgery()
            .WithSummary("Nhập danh mục từ tệp JSON (procedures.json) hoặc Excel (multipart: file, dryRun, strict, asDrafts, decisionNumber, decisionDate, effectiveDate); chạy nền, theo dõi tại /api/v1/jobs/{id}.");
        app.MapApiGroup("/catalogue", "Thủ tục hành chính").MapGet("/export.xlsx", Export).AllowAnonymous().RequireRateLimiting(Policies.PublicRateLimit)
            .WithSummary("Danh mục thủ tục đang có hiệu lực dạng Excel (cùng mẫu với tệp nhập).");
        return app;
    }

    internal static async Task<Ok<Page<ProcedureSummary>>> List(
        string? q, string? field, string? level, string? onlineLevel, string? agency, int? page, int? pageSize, CatalogueQuery catalogue, CancellationToken cancellationToken)
    {
        var (number, size) = Paging.Clamp(page, pageSize);
        return TypedResults.Ok(await catalogue.ListAsync(new ProcedureListQuery(q, field, level, onlineLevel, agency, number, size), cancellationToken));
    }

    internal static async Task<Ok<ProcedureDetail>> Get(string code, CatalogueQuery catalogue, CancellationToken cancellationToken) =>
        TypedResults.Ok(await catalogue.DetailAsync(code, cancellationToken));

    internal static async Task<Ok<IReadOnlyList<VersionSummary>>> PublicHistory(string code, CatalogueQuery catalogue, CancellationToken cancellationToken) =>
        TypedResults.Ok(await catalogue.HistoryAsync(code, includeDrafts: false, cancellationToken));

    internal static async Task<Ok<IReadOnlyList<FieldSummary>>> Fields(CatalogueQuery catalogue, CancellationToken cancellationToken) =>
        TypedResults.Ok(await catalogue.FieldsAsync(cancellationToken));

    internal static async Task<Results<FileStreamHttpResult, NotFound>> DownloadForm(string code, Guid componentId, [FromQuery(Name = "phienBan")] Guid? version, CatalogueQuery catalogue, CancellationToken cancellationToken)
    {
        var form = await catalogue.FormAsync(code, componentId, version, cancellationToken);
        return form is null ? TypedResults.NotFound() : TypedResults.File(form.Content, form.ContentType, form.FileName);
    }

    internal static async Task<Ok<IReadOnlyList<VersionSummary>>> WorkList(string? state, CatalogueQuery catalogue, CancellationToken cancellationToken)
    {
        var wanted = state switch
        {
            null or "draft" => VersionState.Draft,
            "in_review" => VersionState.InReview,
            _ => throw new ProblemException(400, "validation_failed", "Dữ liệu không hợp lệ", null,
                new Dictionary<string, string[]> { ["state"] = ["Trạng thái phải là draft hoặc in_review."] }),
        };
        return TypedResults.Ok(await catalogue.WorkListAsync(wanted, cancellationToken));
    }

    internal static async Task<Ok<ProcedureDetail>> Version(Guid id, CatalogueQuery catalogue, CancellationToken cancellationToken) =>
        TypedResults.Ok(await catalogue.VersionAsync(id, cancellationToken));

    internal static async Task<Ok<IReadOnlyList<VersionSummary>>> History(string code, CatalogueQuery catalogue, CancellationToken cancellationToken) =>
        TypedResults.Ok(await catalogue.HistoryAsync(code, includeDrafts: true, cancellationToken));

    internal static async Task<Created<ProcedureDetail>> Create(ProcedureInput input, ScopeGuard guard, CatalogueEditing editing, CancellationToken cancellationToken)
    {
        await guard.EnsureRootAsync(Role.CatalogueEditor);
        var created = await editing.CreateAsync(input, cancellationToken);
        return TypedResults.Created($"/api/v1/catalogue/versions/{created.VersionId}", created);
    }

    internal static async Task<Ok<ProcedureDetail>> Update(Guid id, UpdateDraftRequest request, ScopeGuard guard, CatalogueEditing editing, CancellationToken cancellationToken)
    {
        await guard.EnsureRootAsync(Role.CatalogueEditor);
        return TypedResults.Ok(await editing.UpdateDraftAsync(id, request.Content ?? new ProcedureInput(), request.ChangeSummary, cancellationToken));
    }

    internal static async Task<NoContent> Delete(Guid id, ScopeGuard guard, CatalogueEditing editing, CancellationToken cancellationToken)
    {
        await guard.EnsureRootAsync(Role.CatalogueEditor);
        await editing.DeleteDraftAsync(id, cancellationToken);
        return TypedResults.NoContent();
    }

    internal static async Task<Ok<ProcedureDetail>> Submit(Guid id, ScopeGuard guard, CatalogueEditing editing, CancellationToken cancellationToken)
    {
        await guard.EnsureRootAsync(Role.CatalogueEditor);
        return TypedResults.Ok(await editing.SubmitAsync(id, cancellationToken));
    }

    internal static async Task<Ok<ProcedureDetail>> Return(Guid id, ReturnRequest request, ScopeGuard guard, CatalogueEditing editing, CancellationToken cancellationToken)
    {
        await guard.EnsureRootAsync(Role.ProcedureControl);
        return TypedResults.Ok(await editing.ReturnAsync(id, request.Note, cancellationToken));
    }

    internal static async Task<Ok<ProcedureDetail>> Announce(Guid id, AnnounceRequest request, ScopeGuard guard, CatalogueEditing editing, CancellationToken cancellationToken)
    {
        await guard.EnsureRootAsync(Role.ProcedureControl);
        return TypedResults.Ok(await editing.AnnounceAsync(id, request, cancellationToken));
    }

    internal static async Task<Ok<ProcedureDetail>> Publication(Guid id, PublicationRequest request, ScopeGuard guard, CatalogueEditing editing, CancellationToken cancellationToken)
    {
        await guard.EnsureRootAsync(Role.ProcedureControl);
        return TypedResults.Ok(await editing.SetPublicationAsync(id, request, cancellationToken));
    }

    internal static async Task<Created<ProcedureDetail>> Amend(string code, ScopeGuard guard, CatalogueEditing editing, CancellationToken cancellationToken)
    {
        await guard.EnsureRootAsync(Role.CatalogueEditor);
        var draft = await editing.AmendAsync(code, cancellationToken);
        return TypedResults.Created($"/api/v1/catalogue/versions/{draft.VersionId}", draft);
    }

    internal static async Task<Created<ProcedureDetail>> Abolish(string code, AbolishRequest request, ScopeGuard guard, CatalogueEditing editing, CancellationToken cancellationToken)
    {
        await guard.EnsureRootAsync(Role.CatalogueEditor);
        var draft = await editing.AbolishAsync(code, request.Reason, cancellationToken);
        return TypedResults.Created($"/api/v1/catalogue/versions/{draft.VersionId}", draft);
    }

    internal static async Task<Accepted<JobView>> Import(HttpRequest request, ScopeGuard guard, CatalogueImportStarter starter, CancellationToken cancellationToken)
    {
        await guard.EnsureRootAsync(Role.CatalogueEditor);
        var form = await ApiForms.ReadAsync(request, cancellationToken);
        var file = form?.Files.GetFile("file");
        static bool Flag(IFormCollection? form, string name, bool fallback) =>
            form?[name].FirstOrDefault() is { } value ? value is "true" or "on" or "1" : fallback;
        var parameters = new CatalogueImportParameters(
            Flag(form, "dryRun", true), Flag(form, "strict", true), Flag(form, "asDrafts", false),
            form?["decisionNumber"].FirstOrDefault(), form?["decisionDate"].FirstOrDefault(), form?["effectiveDate"].FirstOrDefault());
        var job = await starter.StartAsync(file, parameters, cancellationToken);
        return TypedResults.Accepted($"/api/v1/jobs/{job.Id}", job);
    }

    internal static async Task<FileContentHttpResult> Export(CatalogueExport export, TimeProvider time, CancellationToken cancellationToken) =>
        TypedResults.File(await export.ExcelAsync(cancellationToken), MotCua.Core.Documents.Spreadsheet.ContentType,
            $"danh-muc-thu-tuc-{time.GetUtcNow().ToVietnam():yyyyMMdd}.xlsx");

    /// <summary>The form is read after the authorisation check, so a caller without rights learns nothing from binding errors.</summary>
    internal static async Task<Ok<ProcedureDetail>> UploadForm(Guid id, Guid componentId, HttpRequest request, ScopeGuard guard, CatalogueEditing editing, CancellationToken cancellationToken)
    {
        await guard.EnsureRootAsync(Role.CatalogueEditor);
        var file = await ApiForms.SingleFileAsync(request, "Vui lòng chọn tệp mẫu đơn (trường file).", cancellationToken);
        await using var stream = file.OpenReadStream();
        return TypedResults.Ok(await editing.UploadFormAsync(id, componentId, stream, file.FileName, cancellationToken));
    }
}
