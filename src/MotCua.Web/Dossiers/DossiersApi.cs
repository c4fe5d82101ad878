using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using MotCua.Core.Common;
using MotCua.Core.Connectors.Npsp;
using MotCua.Core.Documents;
using MotCua.Core.Dossiers;
using MotCua.Core.Files;
using MotCua.Core.Notifications;
using MotCua.Domain.Dossiers;
using MotCua.Domain.Organisation;
using MotCua.Web.Api;
using MotCua.Web.Security;

namespace MotCua.Web.Dossiers;

public static class DossiersApi
{
    public const string IdempotencyHeader = "Idempotency-Key";

    public static IEndpointRouteBuilder MapDossiersApi(this IEndpointRouteBuilder app)
    {
        var dossiers = app.MapApiGroup("/dossiers", "Hồ sơ");
        dossiers.MapPost("/", Receive).RequireAuthorization(Policies.Reception)
            .WithSummary("Tiếp nhận hồ sơ tại Bộ phận Một cửa (trực tiếp hoặc bưu chính): cấp mã, tính hạn trả; header Idempotency-Key để gửi lại an toàn.");
        dossiers.MapGet("/", Queue).RequireAuthorization(Policies.Officer)
            .WithSummary("Hồ sơ cần xử lý: view=mine|unit|unassigned|consultations, lọc theo procedureCode, status, channel, q; gấp nhất trước.");
        dossiers.MapGet("/{code}", Get).RequireAuthorization(Policies.Officer)
            .WithSummary("Hồ sơ với toàn bộ quá trình xử lý (phiếu kiểm soát mẫu 05), thao tác được phép và trạng thái đồng bộ.");
        dossiers.MapGet("/{code}/assignees", Assignees).RequireAuthorization(Policies.Officer)
            .WithSummary("Cán bộ có thể được giao bước đang xử lý (hoặc bước kế tiếp với next=true).");
        dossiers.MapGet("/{code}/forms/{form}.docx", FormDocx).RequireAuthorization(Policies.Officer)
            .WithSummary("Phiếu mẫu 01–05 (Thông tư 01/2018/TT-VPCP) dạng DOCX.");
        dossiers.MapPost("/{code}/{action}", Act).RequireAuthorization(Policies.Officer)
            .WithSummary("Thao tác trên hồ sơ: accept, refuse, transfer, approve, reject, seal, request-supplement, supplement, suspend, resume, apologize, return-result, withdraw, stop, consult, answer, assign, claim. Không hợp lệ ở trạng thái hiện tại → 409 invalid_transition; người khác vừa cập nhật → 409 concurrency_conflict.");

        var desk = app.MapApiGroup("/desk-outcomes", "Hồ sơ");
        desk.MapPost("/incomplete", Incomplete).RequireAuthorization(Policies.Reception)
            .WithSummary("Hồ sơ chưa đầy đủ tại quầy: ghi nhận và in phiếu yêu cầu bổ sung (mẫu 02) liệt kê một lần mọi giấy tờ còn thiếu.");
        desk.MapPost("/refusal", Refusal).RequireAuthorization(Policies.Reception)
            .WithSummary("Từ chối tiếp nhận tại quầy với lý do (mẫu 03).");
        desk.MapGet("/{id:guid}/forms/{form}.docx", DeskFormDocx).RequireAuthorization(Policies.Officer);

        app.MapApiGroup("/public/dossiers", "Tra cứu hồ sơ").MapGet("/{code}", Lookup).AllowAnonymous().RequireRateLimiting(Policies.LookupRateLimit)
            .WithSummary("Tra cứu hồ sơ bằng mã và 4 số cuối điện thoại của người nộp: trạng thái, hạn trả, bước và cơ quan đang xử lý; không có dữ liệu cá nhân.");

        app.MapApiGroup("/registers", "Hồ sơ").MapGet("/{unitId:guid}", Register).RequireAuthorization(Policies.Officer)
            .WithSummary("Sổ theo dõi hồ sơ (mẫu 06) của một bộ phận tiếp nhận trong năm; format=xlsx để tải Excel.");

        var files = app.MapApiGroup("/files", "Hồ sơ");
        files.MapPost("/", Upload).RequireAuthorization(Policies.Officer).DisableAntiforgery()
            .WithSummary("Tải lên bản quét thành phần hồ sơ (multipart: file); kiểm tra định dạng theo nội dung và dung lượng.");
        files.MapGet("/{id:guid}", Download).RequireAuthorization(Policies.Officer);

        app.MapApiGroup("/connectors/npsp", "Kết nối Cổng DVCQG").MapPost("/dossiers", NpspSubmit).AllowAnonymous().DisableAntiforgery()
            .WithSummary("Hồ sơ trực tuyến từ Cổng Dịch vụ công quốc gia; yêu cầu ký HMAC-SHA256 (X-Client-Id, X-Timestamp, X-Signature); gửi lại cùng MaHoSoQG → cùng hồ sơ.");

        var outbox = app.MapApiGroup("/outbox", "Vận hành");
        outbox.MapGet("/", Outbox).RequireAuthorization(Policies.Administrator)
            .WithSummary("Thông điệp gửi đi (email, SMS, Cổng DVCQG): status=dead_letter|pending|sent.");
        outbox.MapPost("/{id:guid}/retry", Retry).RequireAuthorization(Policies.Administrator);
        return app;
    }

    internal static async Task<Results<Created<DossierView>, Ok<DossierView>>> Receive(
        ReceiveDossierRequest request, HttpContext context, CurrentOfficer current, ScopeGuard guard, ReceptionService reception, DossierQuery query, CancellationToken cancellationToken)
    {
        var key = IdempotencyKey(context);
        var unitId = request.ReceivingUnitId ?? current.Identity!.UnitId;
        await guard.EnsureAsync(Role.Reception, unitId);
        var result = await reception.ReceiveAsync(request with { ReceivingUnitId = unitId }, key, unitId, null, cancellationToken);
        var view = await query.ReceivedViewAsync(result, await current.GetScopeAsync(cancellationToken), cancellationToken);
        if (result.Replayed)
        {
            context.Response.Headers["Idempotent-Replayed"] = "true";
        }
        return TypedResults.Created($"/api/v1/dossiers/{Uri.EscapeDataString(view.Code!)}", view);
    }

    internal static async Task<Created<DeskOutcomeView>> Incomplete(DeskOutcomeRequest request, CurrentOfficer current, ScopeGuard guard, ReceptionService reception, CancellationToken cancellationToken) =>
        await DeskOutcomeAsync(request, refuse: false, current, guard, reception, cancellationToken);

    internal static async Task<Created<DeskOutcomeView>> Refusal(DeskOutcomeRequest request, CurrentOfficer current, ScopeGuard guard, ReceptionService reception, CancellationToken cancellationToken) =>
        await DeskOutcomeAsync(request, refuse: true, current, guard, reception, cancellationToken);

    private static async Task<Created<DeskOutcomeView>> DeskOutcomeAsync(DeskOutcomeRequest request, bool refuse, CurrentOfficer current, ScopeGuard guard, ReceptionService reception, CancellationToken cancellationToken)
    {
        var unitId = request.ReceivingUnitId ?? current.Identity!.UnitId;
        await guard.EnsureAsync(Role.Reception, unitId);
        var dossier = await reception.DeskOutcomeAsync(request with { ReceivingUnitId = unitId }, refuse, unitId, cancellationToken);
        var form = refuse ? "03" : "02";
        return TypedResults.Created($"/mot-cua/phieu/{dossier.Id}/{form}",
            new DeskOutcomeView(dossier.Id, dossier.Status.Key(), dossier.Status.Vietnamese(), form, $"/mot-cua/phieu/{dossier.Id}/{form}", $"/api/v1/desk-outcomes/{dossier.Id}/forms/{form}.docx"));
    }

    internal static async Task<IResult> Queue(
        string? view, string? procedureCode, string? status, string? channel, string? q, int? page, int? pageSize, string? format,
        CurrentOfficer current, DossierQuery query, TimeProvider time, CancellationToken cancellationToken)
    {
        var parsed = view switch
        {
            null or "unit" => QueueView.Unit,
            "mine" => QueueView.Mine,
            "unassigned" => QueueView.Unassigned,
            "consultations" => QueueView.Consultations,
            _ => throw ProblemException.BadRequest("invalid_view", "Chế độ xem không hợp lệ", "view phải là mine, unit, unassigned hoặc consultations."),
        };
        var scope = await current.GetScopeAsync(cancellationToken);
        var export = format == "xlsx";
        var queue = await query.QueueAsync(new QueueFilter(parsed, procedureCode, status, channel, q, page, pageSize, export), scope, cancellationToken);
        return export
            ? TypedResults.File(QueueWorkbook.Write(queue.Page.Items), Spreadsheet.ContentType, $"ho-so-can-xu-ly-{time.GetUtcNow().ToVietnam():yyyyMMdd-HHmm}.xlsx")
            : TypedResults.Ok(queue);
    }

    internal static async Task<Ok<DossierView>> Get(string code, CurrentOfficer current, DossierQuery query, CancellationToken cancellationToken) =>
        TypedResults.Ok(await query.GetAsync(code, await current.GetScopeAsync(cancellationToken), cancellationToken));

    internal static async Task<Ok<IReadOnlyList<AssigneeOption>>> Assignees(string code, bool? next, CurrentOfficer current, DossierQuery query, DossierWorkflow workflow, CancellationToken cancellationToken)
    {
        var scope = await current.GetScopeAsync(cancellationToken);
        var dossier = await query.FindAsync(code, scope, cancellationToken);
        var (unitId, role) = (dossier.CurrentUnitId, dossier.CurrentStepRole);
        if (next == true)
        {
            var situation = await workflow.SituationAsync(dossier, [], cancellationToken);
            var index = Math.Min(dossier.CurrentStepIndex + 1, situation.Steps.Count - 1);
            role = situation.Steps[index].Role;
            unitId = DossierProcess.UnitOf(role, dossier.ReceivingUnitId, dossier.ProcessingUnitId);
        }
        return TypedResults.Ok(await query.CandidatesAsync(unitId, DossierProcess.OfficerRole(role), scope, cancellationToken));
    }

    internal static async Task<Ok<DossierView>> Act(
        string code, string action, [FromBody] DossierActionRequest? request, CurrentOfficer current, DossierWorkflow workflow, DossierQuery query, CancellationToken cancellationToken)
    {
        if (!DossierTerms.TryParseAction(action, out var parsed))
        {
            throw ProblemException.NotFound($"thao tác \"{action}\"");
        }
        var body = request ?? new DossierActionRequest(null, null, null, null, null, null, null, null, null, null, null);
        var scope = await current.GetScopeAsync(cancellationToken);
        var dossier = await workflow.ActAsync(code, parsed, body, scope, body.Version, cancellationToken);
        return TypedResults.Ok(await query.ViewAsync(dossier, scope, cancellationToken));
    }

    internal static async Task<FileContentHttpResult> FormDocx(string code, string form, CurrentOfficer current, DossierQuery query, DossierForms forms, CancellationToken cancellationToken)
    {
        var dossier = await query.FindAsync(code, await current.GetScopeAsync(cancellationToken), cancellationToken);
        var document = await forms.BuildAsync(dossier, form, cancellationToken);
        var qr = document.QrText is { } text ? DossierForms.QrPng(text) : null;
        return TypedResults.File(WordWriter.Write(document, qr), WordWriter.ContentType, document.FileName);
    }

    internal static async Task<FileContentHttpResult> DeskFormDocx(Guid id, string form, CurrentOfficer current, DossierQuery query, DossierForms forms, CancellationToken cancellationToken)
    {
        var dossier = await query.FindDeskOutcomeAsync(id, await current.GetScopeAsync(cancellationToken), cancellationToken);
        var document = await forms.BuildAsync(dossier, form, cancellationToken);
        return TypedResults.File(WordWriter.Write(document), WordWriter.ContentType, document.FileName);
    }

    internal static async Task<Ok<PublicDossierView>> Lookup(string code, string? phone, DossierPublicLookup lookup)
    {
        if (phone is not { Length: 4 } || !phone.All(char.IsAsciiDigit))
        {
            throw new ProblemException(400, "validation_failed", "Dữ liệu không hợp lệ", "Nhập 4 chữ số cuối của số điện thoại đã đăng ký khi nộp hồ sơ.",
                new Dictionary<string, string[]> { ["phone"] = ["Nhập đúng 4 chữ số cuối của số điện thoại."] });
        }
        var view = await lookup.FindAsync(code.Trim(), phone)
            ?? throw new ProblemException(404, "dossier_not_found", "Không tìm thấy hồ sơ", "Không có hồ sơ nào khớp với mã hồ sơ và 4 số cuối điện thoại đã nhập.");
        return TypedResults.Ok(view);
    }

    internal static async Task<IResult> Register(Guid unitId, int? year, int? page, int? pageSize, string? format, ScopeGuard guard, DossierQuery query, TimeProvider time, CancellationToken cancellationToken)
    {
        await guard.EnsureVisibleAsync(unitId);
        var chosen = year ?? time.GetUtcNow().ToVietnam().Year;
        if (format == "xlsx")
        {
            var all = await query.RegisterAsync(unitId, chosen, null, null, cancellationToken);
            return TypedResults.File(RegisterWorkbook.Write(all.Items, chosen), Spreadsheet.ContentType, $"so-theo-doi-ho-so-{chosen}.xlsx");
        }
        return TypedResults.Ok(await query.RegisterAsync(unitId, chosen, page ?? 1, pageSize, cancellationToken));
    }

    internal static async Task<Created<StoredFileView>> Upload(HttpRequest request, CurrentOfficer current, Uploads uploads, CancellationToken cancellationToken)
    {
        var file = await ApiForms.SingleFileAsync(request, "Vui lòng chọn tệp bản quét (trường file).", cancellationToken);
        await using var stream = file.OpenReadStream();
        var stored = await uploads.UploadAsync(stream, file.FileName, current.Identity!.UnitId, cancellationToken);
        return TypedResults.Created($"/api/v1/files/{stored.Id}", stored);
    }

    internal static async Task<FileStreamHttpResult> Download(Guid id, CurrentOfficer current, Uploads uploads, CancellationToken cancellationToken)
    {
        var file = await uploads.OpenAsync(id, await current.GetScopeAsync(cancellationToken), cancellationToken);
        return TypedResults.File(file.Content, file.ContentType, file.FileName);
    }

    internal static async Task<Results<Created<NpspReceipt>, Ok<NpspReceipt>>> NpspSubmit(HttpRequest request, CurrentOfficer current, NpspInbound inbound, CancellationToken cancellationToken)
    {
        current.ActAsConnector("npsp");
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(cancellationToken);
        var (receipt, created) = await inbound.SubmitAsync(body,
            request.Headers[NpspSignature.ClientHeader].FirstOrDefault(),
            request.Headers[NpspSignature.TimestampHeader].FirstOrDefault(),
            request.Headers[NpspSignature.SignatureHeader].FirstOrDefault(),
            cancellationToken);
        return created ? TypedResults.Created($"/api/v1/dossiers/{receipt.Code}", receipt) : TypedResults.Ok(receipt);
    }

    internal static async Task<Ok<OutboxListView>> Outbox(string? status, string? channel, int? page, int? pageSize, OutboxAdmin outbox, CancellationToken cancellationToken)
    {
        var (items, counts) = await outbox.ListAsync(status, channel, page, pageSize, cancellationToken);
        return TypedResults.Ok(new OutboxListView(items, counts));
    }

    internal static async Task<NoContent> Retry(Guid id, OutboxAdmin outbox, CancellationToken cancellationToken)
    {
        await outbox.RetryAsync(id, cancellationToken);
        return TypedResults.NoContent();
    }

    private static string? IdempotencyKey(HttpContext context)
    {
        var key = context.Request.Headers[IdempotencyHeader].FirstOrDefault()?.Trim();
        if (key is null)
        {
            return null;
        }
        if (key.Length is 0 or > 100)
        {
            throw ProblemException.BadRequest("invalid_idempotency_key", "Idempotency-Key không hợp lệ", "Idempotency-Key phải có từ 1 đến 100 ký tự.");
        }
        return key;
    }
}

public sealed record DeskOutcomeView(Guid Id, string Status, string StatusName, string Form, string PrintUrl, string DocxUrl);

public sealed record OutboxListView(Page<OutboxMessageView> Page, OutboxCounts Counts);
