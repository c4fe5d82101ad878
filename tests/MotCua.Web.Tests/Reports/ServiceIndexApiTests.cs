using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MotCua.Domain.Organisation;
using MotCua.Testing;

namespace MotCua.Web.Tests.Reports;

/// <summary>The Decision 766 index through the API, from dossiers processed through the API.</summary>
public sealed class ServiceIndexApiTests(DossierApp app) : IClassFixture<DossierApp>
{
    [Fact]
    public async Task Index_ScoresTheUnitsDossiers_AndShowsWhatItCannotCountAsNotApplicable()
    {
        var staff = await app.StaffAsync();
        var commune = await app.UnitIdAsync(DossierApp.Commune);
        var done = (await staff.Reception.ReceiveAsync(await app.ReceptionAsync())).Code();
        var open = (await staff.Reception.ReceiveAsync(await app.ReceptionAsync())).Code();
        await staff.Reception.DoAsync(done, "transfer");
        await staff.Specialist.DoAsync(done, "claim");
        await staff.Specialist.DoAsync(done, "transfer");
        await staff.Leader.DoAsync(done, "approve");
        await staff.Clerk.DoAsync(done, "seal", new { resultNumber = "15/GXN" });
        await staff.Reception.DoAsync(done, "return-result", new { method = "online" });

        // A week later the open dossier (due Friday 27/11) is overdue: one on time out of two judged.
        app.Time.Advance(TimeSpan.FromDays(7));
        var leader = (await app.SignInAgainAsync(staff.Leader)).Client;
        var index = await leader.GetFromJsonAsync<JsonElement>($"/api/v1/indicators/service-index?unitId={commune}&from=2026-11-23&to=2026-11-30");
        var items = index.GetProperty("groups").EnumerateArray().SelectMany(g => g.GetProperty("items").EnumerateArray())
            .ToDictionary(i => i.GetProperty("key").GetString()!);

        Assert.Equal((1, 2, 10m), Figures(items["2.1"]));
        Assert.Equal((1, 1, 6m), Figures(items["6.1"])); // the result went back electronically
        Assert.Equal((0, 2, 0m), Figures(items["6.2"])); // no scans attached: received, not digitised
        Assert.Equal((0, 2, 0m), Figures(items["3.3"])); // both received at the desk
        // r = 100% − 50% late = 50%: 6 × 50 ÷ 90.
        Assert.Equal(3.33m, Math.Round(items["5.3"].GetProperty("points").GetDecimal(), 2));
        // Online payment and feedback are not recorded yet: not applicable, never 0 or 100%.
        foreach (var key in new[] { "4.2", "4.3", "5.1", "5.2" })
        {
            Assert.Equal(JsonValueKind.Null, items[key].GetProperty("points").ValueKind);
            Assert.Equal(JsonValueKind.Null, items[key].GetProperty("rate").ValueKind);
        }
        var applicable = items.Values.Where(i => i.GetProperty("points").ValueKind == JsonValueKind.Number).ToList();
        Assert.Equal(applicable.Sum(i => i.GetProperty("points").GetDecimal()), index.GetProperty("total").GetDecimal());
        Assert.Equal(applicable.Sum(i => i.GetProperty("max").GetDecimal()), index.GetProperty("applicableMax").GetDecimal());
        Assert.Equal(100m, index.GetProperty("max").GetDecimal());

        // Targets: no result last year, so the central targets apply; a rate without a denominator is neither met nor missed.
        var targets = index.GetProperty("targets").EnumerateArray().ToDictionary(t => t.GetProperty("itemKey").GetString()!);
        Assert.Equal(0.8m, targets["6.2"].GetProperty("target").GetDecimal());
        Assert.False(targets["6.2"].GetProperty("met").GetBoolean());
        Assert.True(targets["6.1"].GetProperty("met").GetBoolean());
        Assert.Equal(JsonValueKind.Null, targets["4.2"].GetProperty("met").ValueKind);
    }

    [Fact]
    public async Task Index_IsForTheUnitsLeadersAndMonitors()
    {
        var commune = await app.UnitIdAsync(DossierApp.Commune);
        var monitor = (await app.OfficerAsync(Role.Monitor, DossierApp.Commune)).Client;
        Assert.Equal(HttpStatusCode.OK, (await monitor.GetAsync($"/api/v1/indicators/service-index?unitId={commune}&from=2026-11-01&to=2026-11-30")).StatusCode);
        var clerk = (await app.OfficerAsync(Role.Clerk, DossierApp.Commune)).Client;
        await (await clerk.GetAsync($"/api/v1/indicators/service-index?unitId={commune}&from=2026-11-01&to=2026-11-30"))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await monitor.GetAsync($"/api/v1/indicators/service-index?unitId={commune}&from=2026-11-30&to=2026-11-01"))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task Targets_SetCentrallyByTheProvince_AndOverriddenForAUnitWithAReason()
    {
        // Targets of 2025, so that the other tests of this class, in 2026, keep the plan's defaults.
        var commune = await app.UnitIdAsync(DossierApp.Commune);
        var province = await app.AdminAsync();
        var communeAdmin = (await app.OfficerAsync(Role.Administrator, DossierApp.Commune)).Client;

        Assert.Equal(HttpStatusCode.NoContent, (await province.PutAsJsonAsync("/api/v1/indicators/targets/2025/6.2", new { percent = 85 })).StatusCode);
        await (await communeAdmin.PutAsJsonAsync("/api/v1/indicators/targets/2025/6.2", new { percent = 10 })).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        var missingReason = await (await communeAdmin.PutAsJsonAsync("/api/v1/indicators/targets/2025/3.3", new { unitId = commune, percent = 70 }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(missingReason.GetProperty("errors").TryGetProperty("reason", out _));
        await (await province.PutAsJsonAsync("/api/v1/indicators/targets/2025/9.9", new { percent = 50 })).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(HttpStatusCode.NoContent, (await communeAdmin.PutAsJsonAsync("/api/v1/indicators/targets/2025/3.3",
            new { unitId = commune, percent = 70, reason = "Xã đã triển khai điểm hỗ trợ nộp trực tuyến" })).StatusCode);

        var listed = await province.GetFromJsonAsync<JsonElement>("/api/v1/indicators/targets/2025");
        var digitised = listed.EnumerateArray().Single(t => t.GetProperty("itemKey").GetString() == "6.2");
        Assert.Equal(0.85m, digitised.GetProperty("central").GetDecimal());
        Assert.True(digitised.GetProperty("centralSetByHand").GetBoolean());
        var online = listed.EnumerateArray().Single(t => t.GetProperty("itemKey").GetString() == "3.3");
        Assert.Equal("Xã Bình Sơn", online.GetProperty("overrides")[0].GetProperty("unitName").GetString());

        var index = await province.GetFromJsonAsync<JsonElement>($"/api/v1/indicators/service-index?unitId={commune}&from=2025-11-01&to=2025-11-30");
        var targets = index.GetProperty("targets").EnumerateArray().ToDictionary(t => t.GetProperty("itemKey").GetString()!);
        Assert.Equal(0.85m, targets["6.2"].GetProperty("target").GetDecimal());
        Assert.Equal(0.7m, targets["3.3"].GetProperty("target").GetDecimal());
        Assert.Equal("Xã đã triển khai điểm hỗ trợ nộp trực tuyến", targets["3.3"].GetProperty("overrideReason").GetString());
        // Another year keeps the plan's defaults.
        var other = await province.GetFromJsonAsync<JsonElement>($"/api/v1/indicators/service-index?unitId={commune}&from=2027-01-01&to=2027-01-31");
        Assert.Equal(0.8m, other.GetProperty("targets").EnumerateArray().Single(t => t.GetProperty("itemKey").GetString() == "6.2").GetProperty("target").GetDecimal());
    }

    [Fact]
    public async Task OffTrack_ListsTheUnitsWithATargetNotMet()
    {
        // Another commune than the other tests of this class use, so that their figures stay their own.
        var staff = await app.StaffAsync("qng-binhchuong-motcua", "qng-binhchuong");
        await staff.Reception.ReceiveAsync(await app.ReceptionAsync()); // no scans attached: 0% digitised against 80%
        var offTrack = await staff.Leader.Client.GetFromJsonAsync<JsonElement>("/api/v1/indicators/targets/2026/off-track");
        var commune = offTrack.EnumerateArray().Single(u => u.GetProperty("unitName").GetString() == "Xã Bình Chương");
        Assert.Contains(commune.GetProperty("missed").EnumerateArray(), m => m.GetProperty("itemKey").GetString() == "6.2");
        Assert.DoesNotContain(offTrack.EnumerateArray(), u => u.GetProperty("unitName").GetString()!.Contains("Bộ phận", StringComparison.Ordinal));
        Assert.Empty((await staff.Leader.Client.GetFromJsonAsync<JsonElement>("/api/v1/indicators/targets/2030/off-track")).EnumerateArray());
    }

    private static (long Numerator, long Denominator, decimal Points) Figures(JsonElement item) =>
        (item.GetProperty("numerator").GetInt64(), item.GetProperty("denominator").GetInt64(), item.GetProperty("points").GetDecimal());
}
