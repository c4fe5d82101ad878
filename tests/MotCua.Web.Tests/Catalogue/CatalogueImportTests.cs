using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MotCua.Core.Documents;
using MotCua.Domain.Organisation;
using MotCua.Testing;

namespace MotCua.Web.Tests.Catalogue;

public sealed class CatalogueImportTests(MotCuaApp app) : IClassFixture<MotCuaApp>
{
    private static object Procedure(string code, string name, string field = "CUTRU", decimal days = 5, string? level = "xa") => new
    {
        code,
        name,
        field,
        levels = level is null ? Array.Empty<string>() : [level],
        agency = "Công an cấp xã",
        processingTime = new { value = days, unit = "working_days" },
        fees = Array.Empty<object>(),
        onlineLevel = "toan_trinh",
        postal = false,
        result = "Xác nhận",
        applicants = "Công dân",
        conditions = (string?)null,
        components = new[] { new { name = "Tờ khai", copies = 1, original = true, form = (string?)null, required = true } },
        steps = new[] { new { name = "Tiếp nhận", role = "tiep_nhan", share = 0.3m }, new { name = "Xử lý", role = "chuyen_vien", share = 0.7m } },
        legalBasis = new[] { "Luật Cư trú 2020" },
        applicantsNote = "",
    };

    private static async Task<JsonElement> ImportAsync(HttpClient client, byte[] file, string fileName, Dictionary<string, string> fields)
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(file), "file", fileName } };
        foreach (var (key, value) in fields)
        {
            form.Add(new StringContent(value), key);
        }
        var response = await client.PostAsync("/api/v1/catalogue/imports", form);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var job = await response.ReadAsync<JsonElement>();
        var location = response.Headers.Location!.OriginalString;
        for (var attempt = 0; attempt < 300; attempt++)
        {
            job = await client.GetFromJsonAsync<JsonElement>(location);
            if (job.GetProperty("status").GetString() is "succeeded" or "failed")
            {
                return job;
            }
            await Task.Delay(200);
        }
        Assert.Fail($"The import job did not finish: {job}");
        return job;
    }

    private static byte[] Json(params object[] procedures) => JsonSerializer.SerializeToUtf8Bytes(new { procedures });

    private static readonly Dictionary<string, string> Announce = new()
    {
        ["dryRun"] = "false",
        ["decisionNumber"] = "99/QĐ-UBND",
        ["decisionDate"] = "2026-11-20",
        ["effectiveDate"] = "2026-11-23",
    };

    [Fact]
    public async Task DryRun_ListsWhatWouldChange_AndWritesNothing()
    {
        var editor = await app.OfficerAsync(Role.CatalogueEditor, "qng");
        var file = Json(
            Procedure("1.950001", "Xác nhận cư trú thử nghiệm A"),
            Procedure("1.950002", "Xác nhận cư trú thử nghiệm B"),
            Procedure("1.004194", "Đăng ký tạm trú (bản nhập thử)"),
            Procedure("", "", field: "KHONGCO", days: -3, level: null));
        var job = await ImportAsync(editor.Client, file, "danh-muc.json", new() { ["dryRun"] = "true" });

        Assert.Equal("succeeded", job.GetProperty("status").GetString());
        var result = job.GetProperty("result");
        Assert.False(result.GetProperty("applied").GetBoolean());
        Assert.Equal(2, result.GetProperty("added").GetInt32());
        Assert.Equal(1, result.GetProperty("changed").GetInt32());
        Assert.Equal(1, result.GetProperty("rejected").GetInt32());
        var rejected = result.GetProperty("rows").EnumerateArray().First(r => r.GetProperty("action").GetString() == "rejected");
        var messages = rejected.GetProperty("errors").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.All(messages, m => Assert.StartsWith("Dòng 4:", m, StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("Mã thủ tục", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("tên thủ tục", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("Lĩnh vực", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("không được âm", StringComparison.Ordinal));
        await (await app.Anonymous().GetAsync("/api/v1/procedures/1.950001")).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task StrictImport_WithABadRow_ImportsNothing_NonStrictImportsTheGoodRows()
    {
        var editor = await app.OfficerAsync(Role.CatalogueEditor, "qng");
        var file = Json(Procedure("1.950011", "Xác nhận thông tin cư trú thử nghiệm"), Procedure("1.950012", "Thủ tục lỗi", field: "KHONGCO"));

        var strict = await ImportAsync(editor.Client, file, "danh-muc.json", new(Announce) { ["strict"] = "true" });
        Assert.False(strict.GetProperty("result").GetProperty("applied").GetBoolean());
        await (await app.Anonymous().GetAsync("/api/v1/procedures/1.950011")).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");

        var lenient = await ImportAsync(editor.Client, file, "danh-muc.json", new(Announce) { ["strict"] = "false" });
        Assert.True(lenient.GetProperty("result").GetProperty("applied").GetBoolean());
        var detail = await app.Anonymous().GetFromJsonAsync<JsonElement>("/api/v1/procedures/1.950011");
        Assert.Equal("99/QĐ-UBND", detail.GetProperty("announcement").GetProperty("decisionNumber").GetString());
        await (await app.Anonymous().GetAsync("/api/v1/procedures/1.950012")).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task ExcelExport_EditedAndImported_AddsANewVersionAndKeepsTheOld()
    {
        var editor = await app.OfficerAsync(Role.CatalogueEditor, "qng");
        var exported = await app.Anonymous().GetByteArrayAsync("/api/v1/catalogue/export.xlsx");
        var rows = Spreadsheet.ReadFirstSheet(new MemoryStream(exported));
        Assert.Equal("Mã thủ tục", rows[0][0]);
        Assert.True(rows.Count > 70);
        var row = rows.FindIndex(r => r.Length > 0 && r[0] == "1.002755");
        rows[row][5] = "7";

        var sheet = new Sheet("Danh mục thủ tục");
        for (var r = 0; r < rows.Count; r++)
        {
            sheet.Row(r + 1, CellStyle.Normal, rows[r].Cast<object?>().ToArray());
        }
        var job = await ImportAsync(editor.Client, Spreadsheet.Write(sheet), "danh-muc.xlsx", new(Announce));
        var result = job.GetProperty("result");
        Assert.True(result.GetProperty("applied").GetBoolean(), result.ToString());
        Assert.Equal(1, result.GetProperty("changed").GetInt32());
        Assert.Equal(0, result.GetProperty("rejected").GetInt32());

        var detail = await app.Anonymous().GetFromJsonAsync<JsonElement>("/api/v1/procedures/1.002755");
        Assert.Equal(7, detail.GetProperty("processingTime").GetProperty("value").GetDecimal());
        Assert.Equal(2, detail.GetProperty("version").GetInt32());
        Assert.Equal(2, (await app.Anonymous().GetFromJsonAsync<JsonElement>("/api/v1/procedures/1.002755/versions")).GetArrayLength());
    }

    [Fact]
    public async Task Import_WithoutTheDecision_IsRefusedBeforeQueueing()
    {
        var editor = await app.OfficerAsync(Role.CatalogueEditor, "qng");
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(Json(Procedure("1.950021", "Thiếu quyết định"))), "file", "a.json" },
            { new StringContent("false"), "dryRun" },
        };
        var response = await editor.Client.PostAsync("/api/v1/catalogue/imports", form);
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty("decisionNumber", out _));
    }

    [Fact]
    public async Task Import_NotJsonNorExcel_FailsWithAClearMessage()
    {
        var editor = await app.OfficerAsync(Role.CatalogueEditor, "qng");
        var job = await ImportAsync(editor.Client, Encoding.UTF8.GetBytes("Mã,Tên\n1.0,abc"), "danh-muc.csv", new() { ["dryRun"] = "true" });
        Assert.Equal("failed", job.GetProperty("status").GetString());
        Assert.Contains("JSON", job.GetProperty("error").GetString(), StringComparison.Ordinal);
    }
}
