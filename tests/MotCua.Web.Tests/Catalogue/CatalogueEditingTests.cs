using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using MotCua.Domain.Organisation;
using MotCua.Testing;

namespace MotCua.Web.Tests.Catalogue;

public sealed class CatalogueEditingTests(MotCuaApp app) : IClassFixture<MotCuaApp>
{
    private static object NewProcedure(string code, string name, long fee = 0) => new
    {
        code,
        name,
        field = "HOTICH",
        levels = new[] { "xa" },
        agency = "Ủy ban nhân dân cấp xã",
        processingTime = new { value = 3, unit = "working_days" },
        fees = new[] { new { name = "Lệ phí", amountVnd = fee } },
        onlineLevel = "mot_phan",
        postal = true,
        result = "Trích lục",
        applicants = "Cá nhân",
        components = new[] { new { name = "Tờ khai", copies = 1, original = true, required = true } },
        steps = new[] { new { name = "Tiếp nhận", role = "tiep_nhan", share = 0.2m }, new { name = "Xử lý", role = "chuyen_vien", share = 0.8m } },
        legalBasis = new[] { "Luật Hộ tịch 2014" },
        keywords = new[] { "giấy thử nghiệm" },
    };

    private async Task<(TestOfficer Editor, TestOfficer Control)> StaffAsync() =>
        (await app.OfficerAsync(Role.CatalogueEditor, "qng"), await app.OfficerAsync(Role.ProcedureControl, "qng"));

    [Fact]
    public async Task Draft_ReviewedReturnedThenAnnounced_BecomesPublic()
    {
        var (editor, control) = await StaffAsync();
        var created = await (await editor.Client.PostAsJsonAsync("/api/v1/catalogue/procedures", NewProcedure("1.900001", "Cấp trích lục thử nghiệm"))).ReadAsync<JsonElement>();
        var id = created.GetProperty("versionId").GetGuid();
        Assert.Equal("draft", created.GetProperty("state").GetString());
        await (await app.Anonymous().GetAsync("/api/v1/procedures/1.900001")).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");

        Assert.Equal(HttpStatusCode.OK, (await editor.Client.PostAsync($"/api/v1/catalogue/versions/{id}/submit", null)).StatusCode);
        var inReview = await control.Client.GetFromJsonAsync<JsonElement>("/api/v1/catalogue/versions?state=in_review");
        Assert.Contains(inReview.EnumerateArray(), v => v.GetProperty("id").GetGuid() == id);

        // The editor cannot announce; the control officer returns it once with a note.
        await (await editor.Client.PostAsJsonAsync($"/api/v1/catalogue/versions/{id}/announce", new { decisionNumber = "1/QĐ" }))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        var returned = await (await control.Client.PostAsJsonAsync($"/api/v1/catalogue/versions/{id}/return", new { note = "Bổ sung điều kiện thực hiện" })).ReadAsync<JsonElement>();
        Assert.Equal("draft", returned.GetProperty("state").GetString());
        Assert.Equal("Bổ sung điều kiện thực hiện", returned.GetProperty("reviewNote").GetString());

        Assert.Equal(HttpStatusCode.OK, (await editor.Client.PostAsync($"/api/v1/catalogue/versions/{id}/submit", null)).StatusCode);
        var badDates = await control.Client.PostAsJsonAsync($"/api/v1/catalogue/versions/{id}/announce", new { decisionNumber = "15/QĐ-UBND", decisionDate = "2026-11-20", effectiveDate = "2026-11-19" });
        await badDates.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        var announced = await (await control.Client.PostAsJsonAsync($"/api/v1/catalogue/versions/{id}/announce",
            new { decisionNumber = "15/QĐ-UBND", decisionDate = "2026-11-20", effectiveDate = "2026-11-23" })).ReadAsync<JsonElement>();
        Assert.Equal("announced", announced.GetProperty("state").GetString());

        var published = await app.Anonymous().GetFromJsonAsync<JsonElement>("/api/v1/procedures/1.900001");
        Assert.Equal("Cấp trích lục thử nghiệm", published.GetProperty("name").GetString());
        var found = await app.Anonymous().GetFromJsonAsync<JsonElement>("/api/v1/procedures?q=trich%20luc%20thu%20nghiem");
        Assert.Equal("1.900001", found.GetProperty("items")[0].GetProperty("code").GetString());
        var audit = await (await app.AdminAsync()).GetStringAsync("/api/v1/audit?targetId=1.900001");
        foreach (var action in new[] { "catalogue.create", "catalogue.submit", "catalogue.return", "catalogue.announce" })
        {
            Assert.Contains(action, audit, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Amendment_WithAFutureEffectiveDate_KeepsTheOldVersionInForceUntilThen()
    {
        var (editor, control) = await StaffAsync();
        var first = await (await editor.Client.PostAsJsonAsync("/api/v1/catalogue/procedures", NewProcedure("1.900002", "Cấp bản sao thử nghiệm", fee: 5000))).ReadAsync<JsonElement>();
        var firstId = first.GetProperty("versionId").GetGuid();
        await editor.Client.PostAsync($"/api/v1/catalogue/versions/{firstId}/submit", null);
        await control.Client.PostAsJsonAsync($"/api/v1/catalogue/versions/{firstId}/announce", new { decisionNumber = "16/QĐ-UBND", decisionDate = "2026-11-01", effectiveDate = "2026-11-01" });

        var draft = await (await editor.Client.PostAsync("/api/v1/catalogue/procedures/1.900002/amend", null)).ReadAsync<JsonElement>();
        var draftId = draft.GetProperty("versionId").GetGuid();
        Assert.Equal(2, draft.GetProperty("version").GetInt32());
        await (await editor.Client.PostAsync("/api/v1/catalogue/procedures/1.900002/amend", null)).AssertProblemAsync(HttpStatusCode.Conflict, "draft_exists");

        var content = NewProcedure("1.900002", "Cấp bản sao thử nghiệm", fee: 8000);
        Assert.Equal(HttpStatusCode.OK, (await editor.Client.PutAsJsonAsync($"/api/v1/catalogue/versions/{draftId}", new { content, changeSummary = "Tăng lệ phí" })).StatusCode);
        await editor.Client.PostAsync($"/api/v1/catalogue/versions/{draftId}/submit", null);
        await control.Client.PostAsJsonAsync($"/api/v1/catalogue/versions/{draftId}/announce", new { decisionNumber = "20/QĐ-UBND", decisionDate = "2026-11-23", effectiveDate = "2026-12-01" });

        static long Fee(JsonElement detail) => detail.GetProperty("fees")[0].GetProperty("amountVnd").GetInt64();
        Assert.Equal(5000, Fee(await app.Anonymous().GetFromJsonAsync<JsonElement>("/api/v1/procedures/1.900002")));
        var history = await app.Anonymous().GetFromJsonAsync<JsonElement>("/api/v1/procedures/1.900002/versions");
        Assert.Equal(2, history.GetArrayLength());

        app.Time.Advance(TimeSpan.FromDays(8));
        Assert.Equal(8000, Fee(await app.Anonymous().GetFromJsonAsync<JsonElement>("/api/v1/procedures/1.900002")));
    }

    [Fact]
    public async Task Abolition_Announced_KeepsTheProcedureVisibleAsAbolished()
    {
        var (editor, control) = await StaffAsync();
        var noReason = await editor.Client.PostAsJsonAsync("/api/v1/catalogue/procedures/2.000424/abolish", new { reason = "" });
        await noReason.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        var draft = await (await editor.Client.PostAsJsonAsync("/api/v1/catalogue/procedures/2.000424/abolish", new { reason = "Bãi bỏ theo Nghị định mới" })).ReadAsync<JsonElement>();
        var id = draft.GetProperty("versionId").GetGuid();
        await editor.Client.PostAsync($"/api/v1/catalogue/versions/{id}/submit", null);
        await control.Client.PostAsJsonAsync($"/api/v1/catalogue/versions/{id}/announce", new { decisionNumber = "21/QĐ-UBND", decisionDate = "2026-11-23", effectiveDate = "2026-11-23" });

        var detail = await app.Anonymous().GetFromJsonAsync<JsonElement>("/api/v1/procedures/2.000424");
        Assert.True(detail.GetProperty("abolished").GetBoolean());
        var listed = await app.Anonymous().GetFromJsonAsync<JsonElement>("/api/v1/procedures?field=HOAGIAI");
        Assert.Contains(listed.GetProperty("items").EnumerateArray(), i => i.GetProperty("code").GetString() == "2.000424" && i.GetProperty("abolished").GetBoolean());
        await (await editor.Client.PostAsync("/api/v1/catalogue/procedures/2.000424/amend", null)).AssertProblemAsync(HttpStatusCode.Conflict, "procedure_abolished");
    }

    [Fact]
    public async Task Create_BadInput_Returns400WithFieldErrors_AndDuplicate409()
    {
        var (editor, _) = await StaffAsync();
        var response = await editor.Client.PostAsJsonAsync("/api/v1/catalogue/procedures", new
        {
            code = "ABC",
            name = "",
            field = "KHONGCO",
            levels = new[] { "thon" },
            processingTime = new { value = -2, unit = "tuan" },
            fees = new[] { new { name = "Phí", amountVnd = -1 } },
            components = new[] { new { name = "", copies = 0 } },
            steps = new[] { new { name = "Bước", role = "vua", share = 0.5m } },
        });
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        var errors = problem.GetProperty("errors");
        foreach (var field in new[] { "code", "name", "field", "levels", "processingTime.value", "processingTime.unit", "fees[0].amountVnd", "components[0].name", "components[0].copies", "steps[0].role", "steps" })
        {
            Assert.True(errors.TryGetProperty(field, out _), field);
        }
        var duplicate = await editor.Client.PostAsJsonAsync("/api/v1/catalogue/procedures", NewProcedure("1.001193", "Trùng mã"));
        await duplicate.AssertProblemAsync(HttpStatusCode.Conflict, "procedure_code_taken");
    }

    [Fact]
    public async Task Submit_IncompleteContent_IsRefused()
    {
        var (editor, _) = await StaffAsync();
        var created = await (await editor.Client.PostAsJsonAsync("/api/v1/catalogue/procedures", new
        {
            code = "1.900003",
            name = "Thủ tục chưa đủ nội dung",
            field = "HOTICH",
            levels = new[] { "xa" },
            agency = "Ủy ban nhân dân cấp xã",
            processingTime = new { value = 1, unit = "working_days" },
        })).ReadAsync<JsonElement>();
        var response = await editor.Client.PostAsync($"/api/v1/catalogue/versions/{created.GetProperty("versionId").GetGuid()}/submit", null);
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "incomplete_content");
        Assert.True(problem.GetProperty("errors").TryGetProperty("components", out _));
    }

    [Fact]
    public async Task Form_IsCheckedBySignatureNotExtension()
    {
        var (editor, _) = await StaffAsync();
        var draft = await (await editor.Client.PostAsync("/api/v1/catalogue/procedures/1.004194/amend", null)).ReadAsync<JsonElement>();
        var id = draft.GetProperty("versionId").GetGuid();
        var component = draft.GetProperty("components")[0].GetProperty("id").GetGuid();

        using var fake = new MultipartFormDataContent { { new ByteArrayContent("MZ\u0090\0 not a pdf"u8.ToArray()), "file", "to-khai.pdf" } };
        var refused = await editor.Client.PostAsync($"/api/v1/catalogue/versions/{id}/components/{component}/form", fake);
        await refused.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType, "unsupported_file_type");

        var pdf = new ByteArrayContent("%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF"u8.ToArray());
        pdf.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var real = new MultipartFormDataContent { { pdf, "file", "to khai tam tru.bin" } };
        var accepted = await (await editor.Client.PostAsync($"/api/v1/catalogue/versions/{id}/components/{component}/form", real)).ReadAsync<JsonElement>();
        var attached = accepted.GetProperty("components")[0];
        Assert.Equal("to khai tam tru.pdf", attached.GetProperty("formFileName").GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await editor.Client.DeleteAsync($"/api/v1/catalogue/versions/{id}")).StatusCode);
    }

    [Fact]
    public async Task CommuneEditor_CannotEditTheProvincialCatalogue()
    {
        var editor = await app.OfficerAsync(Role.CatalogueEditor, "qng-binhson");
        var response = await editor.Client.PostAsJsonAsync("/api/v1/catalogue/procedures", NewProcedure("1.900009", "Thủ tục của xã"));
        await response.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }
}
