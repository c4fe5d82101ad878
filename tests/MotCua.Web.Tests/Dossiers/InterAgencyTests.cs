using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MotCua.Domain.Organisation;
using MotCua.Testing;

namespace MotCua.Web.Tests.Dossiers;

/// <summary>Liên thông: the lead agency consults several agencies in parallel, each with its own deadline, and waits for all answers.</summary>
public sealed class InterAgencyTests(DossierApp app) : IClassFixture<DossierApp>
{
    /// <summary>Birth registration + permanent residence + health insurance card (Decree 63/2024).</summary>
    private const string Linked = "3.000722";

    [Fact]
    public async Task Consultations_RunInParallel_AndTheLeadAgencyWaitsForEveryAnswer()
    {
        var staff = await app.StaffAsync();
        var police = await app.OfficerAsync(Role.Specialist, "qng-binhson-conganl");
        var insurance = await app.OfficerAsync(Role.Specialist, "qng-bhxh");
        var code = (await staff.Reception.ReceiveAsync(await app.ReceptionAsync(Linked))).Code();
        await staff.Reception.DoAsync(code, "transfer");

        // The police cannot see it before being consulted.
        await (await police.Client.GetAsync($"/api/v1/dossiers/{Uri.EscapeDataString(code)}")).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");

        var dossier = await staff.Specialist.DoAsync(code, "consult", new { note = "Đề nghị đăng ký thường trú và cấp thẻ BHYT cho trẻ" });
        var consultations = dossier.GetProperty("consultations").EnumerateArray().ToList();
        Assert.Equal(2, consultations.Count);
        Assert.Contains(consultations, c => c.GetProperty("unitName").GetString() == "Công an xã Bình Sơn");
        Assert.Contains(consultations, c => c.GetProperty("unitName").GetString() == "Bảo hiểm xã hội tỉnh");
        var sentAt = consultations[0].Instant("sentAt")!.Value;
        var procedure = await app.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/procedures/{Linked}");
        foreach (var consulted in procedure.GetProperty("interAgency").GetProperty("consulted").EnumerateArray())
        {
            var time = consulted.GetProperty("time");
            var due = await app.Anonymous().GetFromJsonAsync<JsonElement>(
                $"/api/v1/calendar/due?start={Uri.EscapeDataString(sentAt.ToString("O"))}&value={time.GetProperty("value").GetDecimal()}&unit={time.GetProperty("unit").GetString()}");
            Assert.Contains(consultations, c => c.GetProperty("agencyName").GetString() == consulted.GetProperty("name").GetString()
                && c.Instant("deadline") == due.GetProperty("due").GetDateTimeOffset());
        }

        // Pending answers block the hand-off and a second round; each consulted unit sees its own request.
        await (await staff.Specialist.ActAsync(code, "transfer")).AssertProblemAsync(HttpStatusCode.Conflict, "invalid_transition");
        await (await staff.Specialist.ActAsync(code, "consult")).AssertProblemAsync(HttpStatusCode.Conflict, "invalid_transition");
        var policeQueue = await police.Client.GetFromJsonAsync<JsonElement>("/api/v1/dossiers?view=consultations");
        Assert.Contains(policeQueue.GetProperty("page").GetProperty("items").EnumerateArray(), i => i.GetProperty("code").GetString() == code);
        Assert.Contains("answer", (await police.GetDossierAsync(code)).GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()));

        dossier = await police.DoAsync(code, "answer", new { answer = "Đã đăng ký thường trú cho trẻ" });
        Assert.Single(dossier.GetProperty("consultations").EnumerateArray(), c => c.Instant("answeredAt") is null);
        await (await staff.Specialist.ActAsync(code, "transfer")).AssertProblemAsync(HttpStatusCode.Conflict, "invalid_transition");
        // The police have answered; the insurance agency's request is nobody else's to answer.
        await (await police.ActAsync(code, "answer", new { answer = "lần hai" })).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await staff.Specialist.ActAsync(code, "answer", new { answer = "thay mặt" })).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        dossier = await insurance.DoAsync(code, "answer", new { answer = "Đã cấp thẻ bảo hiểm y tế" });
        Assert.All(dossier.GetProperty("consultations").EnumerateArray(), c => Assert.Equal("early", c.GetProperty("outcome").GetString()));

        dossier = await staff.Specialist.DoAsync(code, "transfer");
        Assert.Equal("lanh_dao", dossier.GetProperty("currentStepRole").GetString());
        var form05 = await staff.Leader.Client.GetAsync($"/api/v1/dossiers/{Uri.EscapeDataString(code)}/forms/05.docx");
        Assert.Equal(HttpStatusCode.OK, form05.StatusCode);
    }

    [Fact]
    public async Task TransferToAnotherAgency_RoutesTheResultBackToTheReceivingDesk()
    {
        var staff = await app.StaffAsync();
        var department = await app.OfficerAsync(Role.Specialist, "qng-stp");
        var departmentLeader = await app.OfficerAsync(Role.Leader, "qng-stp");
        var departmentClerk = await app.OfficerAsync(Role.Clerk, "qng-stp");
        var stp = await app.UnitIdAsync("qng-stp");
        var code = (await staff.Reception.ReceiveAsync(await app.ReceptionAsync())).Code();
        await staff.Reception.DoAsync(code, "transfer");

        var dossier = await staff.Specialist.DoAsync(code, "transfer", new { toUnitId = stp, note = "Vượt thẩm quyền cấp xã, chuyển Sở Tư pháp" });
        Assert.Equal("chuyen_vien", dossier.GetProperty("currentStepRole").GetString());
        Assert.Equal("Sở Tư pháp", dossier.GetProperty("currentUnitName").GetString());
        Assert.Equal(stp, dossier.GetProperty("processingUnitId").GetGuid());
        await (await staff.Specialist.ActAsync(code, "transfer")).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");

        await department.DoAsync(code, "transfer");
        await departmentLeader.DoAsync(code, "approve");
        dossier = await departmentClerk.DoAsync(code, "seal", new { resultNumber = "88/STP" });
        Assert.Equal("result_ready", dossier.Status());
        Assert.Equal("Bộ phận Một cửa Xã Bình Sơn", dossier.GetProperty("currentUnitName").GetString());
        dossier = await staff.Reception.DoAsync(code, "return-result", new { method = "post" });
        Assert.Equal("returned", dossier.Status());
    }
}
