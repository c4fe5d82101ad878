using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Dossiers;
using MotCua.Core.Files;
using MotCua.Core.Notifications;
using MotCua.Testing;

namespace MotCua.Web.Tests.Dossiers;

/// <summary>Bad input at the desk: a clear Vietnamese problem with the field, and nothing written.</summary>
public sealed class DossierInputTests(DossierInputTests.App app) : IClassFixture<DossierInputTests.App>
{
    /// <summary>A 1 MB upload limit, so that "too large" is cheap to test.</summary>
    public sealed class App : DossierApp
    {
        protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings() => [new("Files:MaxUploadMegabytes", "1")];
    }

    /// <summary>The counts in one snapshot: the audit sealer moves pending entries into the chain meanwhile.</summary>
    private async Task<(int Dossiers, int Audit, int Outbox, int Files)> CountsAsync() => await app.WithDbAsync(async db =>
    {
        await using var snapshot = await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead);
        return (
            await db.Set<Dossier>().CountAsync(),
            await db.AuditEntries.CountAsync() + await db.Set<Core.Audit.AuditPendingEntry>().CountAsync(),
            await db.Set<OutboxMessage>().CountAsync(),
            await db.Set<StoredFile>().CountAsync());
    });

    [Fact]
    public async Task InvalidReceptions_AreRefusedFieldByField_AndWriteNothing()
    {
        var staff = await app.StaffAsync();
        var before = await CountsAsync();

        var badId = await app.ReceptionAsync();
        badId["applicant"] = new { kind = "person", fullName = "Trần Văn An", personalId = "05119000012", phone = "0912345678" };
        var problem = await (await staff.Reception.PostReceptionAsync(badId)).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty("applicant.personalId", out _), problem.GetRawText());

        var badProvince = await app.ReceptionAsync();
        badProvince["applicant"] = new { kind = "person", fullName = "Trần Văn An", personalId = "999190000123", phone = "12" };
        problem = await (await staff.Reception.PostReceptionAsync(badProvince)).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty("applicant.personalId", out _), problem.GetRawText());
        Assert.True(problem.GetProperty("errors").TryGetProperty("applicant.phone", out _), problem.GetRawText());

        var unknown = await app.ReceptionAsync();
        unknown["procedureCode"] = "9.999999";
        problem = await (await staff.Reception.PostReceptionAsync(unknown)).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Contains("Không tìm thấy thủ tục", problem.GetProperty("errors").GetProperty("procedureCode")[0].GetString(), StringComparison.Ordinal);

        var missing = await app.ReceptionAsync();
        missing["documents"] = Array.Empty<object>();
        problem = await (await staff.Reception.PostReceptionAsync(missing)).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.StartsWith("Thiếu thành phần hồ sơ bắt buộc", problem.GetProperty("errors").GetProperty("documents")[0].GetString(), StringComparison.Ordinal);

        var foreign = await app.ReceptionAsync();
        foreign["documents"] = new[] { new { componentId = Guid.NewGuid() } };
        await (await staff.Reception.PostReceptionAsync(foreign)).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");

        var noApplicant = await app.ReceptionAsync();
        noApplicant.Remove("applicant");
        await (await staff.Reception.PostReceptionAsync(noApplicant)).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");

        var wrongChannel = await app.ReceptionAsync(channel: "fax");
        await (await staff.Reception.PostReceptionAsync(wrongChannel)).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");

        var malformed = new HttpRequestMessage(HttpMethod.Post, "/api/v1/dossiers") { Content = new StringContent("{\"procedureCode\": ", Encoding.UTF8, "application/json") };
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.Reception.Client.SendAsync(malformed)).StatusCode);

        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Uploads_AreCheckedBySignatureAndSize_AndAScanTravelsWithTheDossier()
    {
        var staff = await app.StaffAsync();
        var before = await CountsAsync();

        var executable = Encoding.ASCII.GetBytes("MZ\u0090\0\u0003\0\0\0 this is a program, not a scan");
        await (await UploadAsync(staff.Reception, executable, "to-khai.pdf", "application/pdf")).AssertProblemAsync(HttpStatusCode.UnsupportedMediaType, "unsupported_file_type");
        var large = new byte[(1024 * 1024) + 10];
        "%PDF-1.7\n"u8.CopyTo(large);
        await (await UploadAsync(staff.Reception, large, "ban-quet.pdf", "application/pdf")).AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge, "file_too_large");
        await (await staff.Reception.Client.PostAsync("/api/v1/files", new MultipartFormDataContent())).AssertProblemAsync(HttpStatusCode.BadRequest, "invalid_form");
        using (var noFile = new MultipartFormDataContent { { new StringContent("ghi chú"), "note" } })
        {
            await (await staff.Reception.Client.PostAsync("/api/v1/files", noFile)).AssertProblemAsync(HttpStatusCode.BadRequest, "file_required");
        }
        Assert.Equal(before, await CountsAsync());

        // A PNG named .pdf is still a PNG: the signature decides.
        var png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
        var stored = await (await UploadAsync(staff.Reception, png, "anh chan dung.pdf", "application/pdf")).ReadAsync<JsonElement>();
        Assert.Equal("image/png", stored.GetProperty("contentType").GetString());
        Assert.Equal("anh chan dung.png", stored.GetProperty("fileName").GetString());
        Assert.Equal(64, stored.GetProperty("sha256").GetString()!.Length);

        var request = await app.ReceptionAsync();
        var documents = ((System.Collections.IEnumerable)request["documents"]!).Cast<object>().ToList();
        var first = JsonSerializer.SerializeToElement(documents[0]);
        documents[0] = new { componentId = first.GetProperty("componentId").GetGuid(), copies = 2, original = false, fileId = stored.GetProperty("id").GetGuid() };
        request["documents"] = documents;
        var dossier = await staff.Reception.ReceiveAsync(request);
        var attached = dossier.GetProperty("documents").EnumerateArray().First(d => d.GetProperty("fileId").ValueKind != JsonValueKind.Null);
        Assert.Equal(2, attached.GetProperty("copies").GetInt32());

        var download = await staff.Specialist.Client.GetAsync($"/api/v1/files/{stored.GetProperty("id").GetGuid()}");
        Assert.Equal(png, await download.Content.ReadAsByteArrayAsync());
        var stranger = await app.OfficerAsync(Domain.Organisation.Role.Specialist, "qng-vantuong");
        await (await stranger.Client.GetAsync($"/api/v1/files/{stored.GetProperty("id").GetGuid()}")).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task IncompleteAndRefusedAtTheDesk_AreRecordedWithTheirForms_WithoutACode()
    {
        var staff = await app.StaffAsync();
        var request = await app.ReceptionAsync();
        var noItems = new { procedureCode = request["procedureCode"], applicant = request["applicant"], missingItems = Array.Empty<string>() };
        await (await staff.Reception.Client.PostAsJsonAsync("/api/v1/desk-outcomes/incomplete", noItems)).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        var incomplete = await (await staff.Reception.Client.PostAsJsonAsync("/api/v1/desk-outcomes/incomplete",
            new { procedureCode = request["procedureCode"], applicant = request["applicant"], missingItems = new[] { "Tờ khai (bản chính)", "Bản sao căn cước" } })).ReadAsync<JsonElement>();
        Assert.Equal("incomplete_at_desk", incomplete.GetProperty("status").GetString());
        var docx = await staff.Reception.Client.GetAsync(incomplete.GetProperty("docxUrl").GetString());
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);

        await (await staff.Reception.Client.PostAsJsonAsync("/api/v1/desk-outcomes/refusal", new { procedureCode = request["procedureCode"], applicant = request["applicant"] }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        var refused = await (await staff.Reception.Client.PostAsJsonAsync("/api/v1/desk-outcomes/refusal",
            new { procedureCode = request["procedureCode"], applicant = request["applicant"], reason = "Yêu cầu không thuộc thẩm quyền của UBND xã" })).ReadAsync<JsonElement>();
        Assert.Equal("not_accepted", refused.GetProperty("status").GetString());
        Assert.Equal("03", refused.GetProperty("form").GetString());

        // Neither got a code, so neither is in the register of received dossiers.
        var deskId = await app.UnitIdAsync(DossierApp.Desk);
        var register = await staff.Reception.Client.GetFromJsonAsync<JsonElement>($"/api/v1/registers/{deskId}?year=2026");
        Assert.All(register.GetProperty("items").EnumerateArray(), line => Assert.False(string.IsNullOrEmpty(line.GetProperty("code").GetString())));
    }

    private static async Task<HttpResponseMessage> UploadAsync(TestOfficer officer, byte[] content, string fileName, string contentType)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, "file", fileName);
        return await officer.Client.PostAsync("/api/v1/files", form);
    }
}
