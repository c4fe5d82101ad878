using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MotCua.Core.Documents;
using MotCua.Testing;

namespace MotCua.Web.Tests.Dossiers;

/// <summary>The whole life of a dossier through the API: desk, specialist, leader, clerk, desk again; and what is refused on the way.</summary>
public sealed class DossierLifecycleTests(DossierApp app) : IClassFixture<DossierApp>
{
    [Fact]
    public async Task Dossier_GoesFromDeskThroughTheProcessBackToTheDesk_WithEveryHandOffLogged()
    {
        var staff = await app.StaffAsync();
        var communeId = await app.UnitIdAsync(DossierApp.Commune);
        var response = await staff.Reception.PostReceptionAsync(await app.ReceptionAsync());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var dossier = await response.ReadAsync<JsonElement>();
        var code = dossier.Code();
        Assert.Matches(@"^000\.21\.01\.H49-\d{6}-\d{4}$", code);
        Assert.Equal($"/api/v1/dossiers/{Uri.EscapeDataString(code)}", response.Headers.Location?.OriginalString);
        Assert.Equal("received", dossier.Status());
        Assert.Equal(communeId, dossier.GetProperty("processingUnitId").GetGuid());

        // The due moment is the calendar's, counted in the commune's working time from the reception moment.
        var receivedAt = dossier.Instant("receivedAt")!.Value;
        var due = await app.Anonymous().GetFromJsonAsync<JsonElement>(
            $"/api/v1/calendar/due?start={Uri.EscapeDataString(receivedAt.ToString("O"))}&value=3&unit=working_days&unitId={communeId}");
        Assert.Equal(due.GetProperty("due").GetDateTimeOffset(), dossier.Instant("dueAt"));
        Assert.Equal(dossier.Instant("dueAt"), dossier.Instant("originalDueAt"));
        Assert.Contains("transfer", Actions(dossier));

        // Out of order: nobody approves, seals or returns a dossier still at the desk.
        foreach (var (officer, action) in new[] { (staff.Leader, "approve"), (staff.Clerk, "seal"), (staff.Reception, "return-result"), (staff.Specialist, "resume") })
        {
            await (await officer.ActAsync(code, action, new { reason = "x", resultNumber = "1" })).AssertProblemAsync(HttpStatusCode.Conflict, "invalid_transition");
        }
        await (await staff.Reception.ActAsync(code, "fly")).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");

        // The desk hands it to the commune: the specialist step waits, unassigned, in the unit's queue.
        dossier = await staff.Reception.DoAsync(code, "transfer", new { note = "Hồ sơ đủ, chuyển thẩm định" });
        Assert.Equal("in_progress", dossier.Status());
        Assert.Equal("chuyen_vien", dossier.GetProperty("currentStepRole").GetString());
        Assert.Equal(JsonValueKind.Null, dossier.GetProperty("currentAssigneeName").ValueKind);
        var unassigned = await staff.Specialist.Client.GetFromJsonAsync<JsonElement>("/api/v1/dossiers?view=unassigned");
        Assert.Contains(unassigned.GetProperty("page").GetProperty("items").EnumerateArray(), i => i.GetProperty("code").GetString() == code);

        // The desk no longer holds it; the specialist claims and proposes; a leader's action is not theirs.
        await (await staff.Reception.ActAsync(code, "transfer")).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        dossier = await staff.Specialist.DoAsync(code, "claim");
        Assert.Equal("Cán bộ Chuyên viên xử lý", dossier.GetProperty("currentAssigneeName").GetString());
        var mine = await staff.Specialist.Client.GetFromJsonAsync<JsonElement>("/api/v1/dossiers?view=mine");
        Assert.Contains(mine.GetProperty("page").GetProperty("items").EnumerateArray(), i => i.GetProperty("code").GetString() == code);
        dossier = await staff.Specialist.DoAsync(code, "transfer", new { note = "Đủ điều kiện, đề xuất cấp" });
        Assert.Equal("lanh_dao", dossier.GetProperty("currentStepRole").GetString());
        await (await staff.Specialist.ActAsync(code, "approve")).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");

        dossier = await staff.Leader.DoAsync(code, "approve", new { note = "Đồng ý" });
        Assert.Equal("van_thu", dossier.GetProperty("currentStepRole").GetString());
        Assert.Equal("approved", dossier.GetProperty("outcome").GetString());
        await (await staff.Clerk.ActAsync(code, "seal")).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        dossier = await staff.Clerk.DoAsync(code, "seal", new { resultNumber = "125/GXN-UBND" });
        Assert.Equal("result_ready", dossier.Status());
        Assert.Equal("early", dossier.GetProperty("timeliness").GetString());
        Assert.NotNull(dossier.Instant("finishedAt"));

        dossier = await staff.Reception.DoAsync(code, "return-result", new { method = "desk" });
        Assert.Equal("returned", dossier.Status());
        Assert.Equal("desk", dossier.GetProperty("returnMethod").GetString());
        Assert.Empty(Actions(dossier));

        // Form 05: every hand-off with from, to, time, the step deadline and early/on time/late.
        var history = dossier.GetProperty("history").EnumerateArray().ToList();
        Assert.Equal(["tiep_nhan", "chuyen_vien", "lanh_dao", "van_thu", "tra_ket_qua"], history.Select(h => h.GetProperty("role").GetString()));
        Assert.All(history, h =>
        {
            Assert.NotNull(h.Instant("finishedAt"));
            Assert.NotNull(h.Instant("deadline"));
            Assert.Contains(h.GetProperty("outcome").GetString(), new[] { "early", "on_time", "late" });
        });
        Assert.Equal(["receive", "transfer", "claim", "transfer", "approve", "seal", "return-result"],
            dossier.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("action").GetString()));

        // An ended dossier refuses everything.
        foreach (var action in new[] { "withdraw", "stop", "suspend", "apologize", "transfer" })
        {
            await (await staff.Reception.ActAsync(code, action, new { reason = "x" })).AssertProblemAsync(HttpStatusCode.Conflict, "invalid_transition");
        }

        var form05 = await staff.Leader.Client.GetAsync($"/api/v1/dossiers/{Uri.EscapeDataString(code)}/forms/05.docx");
        Assert.Equal(WordWriter.ContentType, form05.Content.Headers.ContentType?.MediaType);
        var docx = await form05.Content.ReadAsByteArrayAsync();
        Assert.Equal((byte)'P', docx[0]);
        var receipt = await staff.Reception.Client.GetAsync($"/api/v1/dossiers/{Uri.EscapeDataString(code)}/forms/01.docx");
        Assert.Equal(HttpStatusCode.OK, receipt.StatusCode);
        await (await staff.Reception.Client.GetAsync($"/api/v1/dossiers/{Uri.EscapeDataString(code)}/forms/04.docx"))
            .AssertProblemAsync(HttpStatusCode.NotFound, "not_found");

        // The applicant heard at reception and when the result was ready; the portal got every status.
        await app.Smtp.WaitForAsync(m => m.Subject == $"Tiếp nhận hồ sơ {code}");
        var ready = await app.Smtp.WaitForAsync(m => m.Subject == $"Hồ sơ {code} đã có kết quả");
        Assert.Equal("nguoi.nop@example.vn", ready.To.Mailboxes.Single().Address);
        await app.Npsp.WaitForAsync(u => u.GetProperty("MaHoSo").GetString() == code && u.GetProperty("TrangThai").GetInt32() == 10);
        var statuses = app.Npsp.Updates.Where(u => u.GetProperty("MaHoSo").GetString() == code).Select(u => u.GetProperty("TrangThai").GetInt32()).ToList();
        Assert.Equal([2, 4, 9, 10], statuses.Distinct());
    }

    [Fact]
    public async Task Citizen_LooksUpByCodeAndPhoneDigits_WithoutSeeingPersonalData()
    {
        var staff = await app.StaffAsync();
        var code = (await staff.Reception.ReceiveAsync(await app.ReceptionAsync(phone: "0987654321"))).Code();
        var anonymous = app.Anonymous();

        var found = await anonymous.GetAsync($"/api/v1/public/dossiers/{Uri.EscapeDataString(code)}?phone=4321");
        var text = await found.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        var view = JsonDocument.Parse(text).RootElement;
        Assert.Equal("received", view.Status());
        Assert.False(string.IsNullOrWhiteSpace(view.GetProperty("currentStep").GetString()));
        Assert.Equal("Bộ phận Một cửa Xã Bình Sơn", view.GetProperty("currentAgency").GetString());
        Assert.NotNull(view.Instant("dueAt"));
        foreach (var secret in new[] { "Nguyễn Thị Hoa", "0987654321", "051190000123", "nguoi.nop", "An Phú" })
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }

        await (await anonymous.GetAsync($"/api/v1/public/dossiers/{Uri.EscapeDataString(code)}?phone=1234")).AssertProblemAsync(HttpStatusCode.NotFound, "dossier_not_found");
        await (await anonymous.GetAsync("/api/v1/public/dossiers/000.21.01.H49-991231-9999?phone=4321")).AssertProblemAsync(HttpStatusCode.NotFound, "dossier_not_found");
        await (await anonymous.GetAsync($"/api/v1/public/dossiers/{Uri.EscapeDataString(code)}?phone=43a1")).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await anonymous.GetAsync($"/api/v1/public/dossiers/{Uri.EscapeDataString(code)}")).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task WithdrawalAndStop_EndTheDossier_ClassedByTheirFinishMoment()
    {
        var staff = await app.StaffAsync();
        var withdrawn = (await staff.Reception.ReceiveAsync(await app.ReceptionAsync())).Code();
        var stopped = (await staff.Reception.ReceiveAsync(await app.ReceptionAsync())).Code();

        var view = await staff.Reception.DoAsync(withdrawn, "withdraw", new { reason = "Người nộp có đơn xin rút hồ sơ" });
        Assert.Equal("withdrawn", view.Status());
        Assert.Equal("early", view.GetProperty("timeliness").GetString());
        await staff.Reception.DoAsync(stopped, "transfer");
        await (await staff.Specialist.ActAsync(stopped, "stop")).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        view = await staff.Specialist.DoAsync(stopped, "stop", new { reason = "Người yêu cầu đã chết theo thông báo của Công an xã" });
        Assert.Equal("stopped", view.Status());
        Assert.Equal("Người yêu cầu đã chết theo thông báo của Công an xã", view.GetProperty("reason").GetString());
        await (await staff.Reception.ActAsync(stopped, "return-result")).AssertProblemAsync(HttpStatusCode.Conflict, "invalid_transition");
    }

    [Fact]
    public async Task OfficersOutsideTheSubtree_CannotSeeOrActOnTheDossier()
    {
        var staff = await app.StaffAsync();
        var code = (await staff.Reception.ReceiveAsync(await app.ReceptionAsync())).Code();
        var other = await app.OfficerAsync(Domain.Organisation.Role.Specialist, "qng-vantuong");
        await (await other.Client.GetAsync($"/api/v1/dossiers/{Uri.EscapeDataString(code)}")).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await other.ActAsync(code, "withdraw")).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        var queue = await other.Client.GetFromJsonAsync<JsonElement>("/api/v1/dossiers?view=unit");
        Assert.DoesNotContain(queue.GetProperty("page").GetProperty("items").EnumerateArray(), i => i.GetProperty("code").GetString() == code);
    }

    private static List<string?> Actions(JsonElement dossier) =>
        dossier.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()).ToList();
}
