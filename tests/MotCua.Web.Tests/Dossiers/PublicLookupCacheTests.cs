using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MotCua.Core.Dossiers;
using MotCua.Testing;

namespace MotCua.Web.Tests.Dossiers;

/// <summary>The public lookup's cache: it serves repeated lookups and never shows a state older than the last commit.</summary>
public sealed class PublicLookupCacheTests(DossierApp app) : IClassFixture<DossierApp>
{
    [Fact]
    public async Task TheTrackingPage_ShowsEveryStep_AsSoonAsItIsCommitted()
    {
        var staff = await app.StaffAsync();
        var cache = app.Services.GetRequiredService<PublicLookupCache>();
        await MotCuaApp.WaitUntilAsync(() => cache.Enabled);
        var citizen = app.Anonymous();

        // A new dossier is nobody's cached view: receiving it evicts nothing and tells no other node.
        var generation = cache.Generation;
        var code = (await staff.Reception.ReceiveAsync(await app.ReceptionAsync(phone: "0911222333"))).Code();
        await Task.Delay(300);
        Assert.Equal(generation, cache.Generation);

        var first = await LookUpAsync(citizen, code, "2333");
        Assert.Equal("received", first.Status());
        Assert.Contains(code, CachedCodes(cache, code));
        Assert.Equal(first.GetRawText(), (await LookUpAsync(citizen, code, "2333")).GetRawText());
        await (await citizen.GetAsync(Path(code, "2334"))).AssertProblemAsync(HttpStatusCode.NotFound, "dossier_not_found");

        // Each hand-off is visible on the very next lookup, though the previous view was cached.
        var steps = new List<string?>();
        foreach (var (officer, action, body) in new (TestOfficer, string, object)[]
        {
            (staff.Reception, "transfer", new { note = "Chuyển thẩm định" }),
            (staff.Specialist, "claim", new { }),
            (staff.Specialist, "transfer", new { note = "Đề xuất cấp" }),
            (staff.Leader, "approve", new { note = "Đồng ý" }),
            (staff.Clerk, "seal", new { resultNumber = "7/GXN-UBND" }),
            (staff.Reception, "return-result", new { method = "desk" }),
        })
        {
            await LookUpAsync(citizen, code, "2333");
            var officerView = await officer.DoAsync(code, action, body);
            var view = await LookUpAsync(citizen, code, "2333");
            Assert.Equal(officerView.Status(), view.Status());
            if (view.GetProperty("currentStep").GetString() is { } step)
            {
                Assert.Equal(officerView.GetProperty("currentStep").GetString(), step);
                Assert.Equal(officerView.GetProperty("currentUnitName").GetString(), view.GetProperty("currentAgency").GetString());
            }
            steps.Add(view.GetProperty("currentStep").GetString());
        }
        Assert.True(steps.Distinct().Count() >= 4, string.Join(" → ", steps));
        Assert.Equal("returned", (await LookUpAsync(citizen, code, "2333")).Status());

        if (app.Database.Provider == "Postgres")
        {
            // Several nodes share one PostgreSQL database (a SQLite file serves one node).
            await AnotherNodesChangeReachesThisNodeAsync(staff);
        }
    }

    /// <summary>A second node hears the first node's changes, and keeps nothing while it cannot hear them.</summary>
    private async Task AnotherNodesChangeReachesThisNodeAsync(Staff staff)
    {
        var code = (await staff.Reception.ReceiveAsync(await app.ReceptionAsync(phone: "0911222444"))).Code();
        await using var other = await app.SecondNodeAsync();
        var otherCache = other.Services.GetRequiredService<PublicLookupCache>();
        await MotCuaApp.WaitUntilAsync(() => otherCache.Enabled);
        var citizen = other.Anonymous();
        Assert.Equal("received", (await LookUpAsync(citizen, code, "2444")).Status());
        Assert.Contains(code, CachedCodes(otherCache, code));

        // An officer works on the first node; the second node's cached view goes as the change commits.
        await staff.Reception.DoAsync(code, "transfer", new { note = "Chuyển thẩm định" });
        await MotCuaApp.WaitUntilAsync(() => !CachedCodes(otherCache, code).Any());
        Assert.Equal("in_progress", (await LookUpAsync(citizen, code, "2444")).Status());

        // Cut the second node's listening connection: it keeps nothing until it listens again.
        Assert.Equal(2, await app.CutListeningConnectionsAsync());
        await MotCuaApp.WaitUntilAsync(() => !otherCache.Enabled);
        await staff.Specialist.DoAsync(code, "claim");
        var claimed = await staff.Specialist.DoAsync(code, "transfer", new { note = "Đề xuất cấp" });
        Assert.Equal(claimed.GetProperty("currentStep").GetString(), (await LookUpAsync(citizen, code, "2444")).GetProperty("currentStep").GetString());
        await MotCuaApp.WaitUntilAsync(() => otherCache.Enabled);
        Assert.Equal(claimed.GetProperty("currentStep").GetString(), (await LookUpAsync(citizen, code, "2444")).GetProperty("currentStep").GetString());
    }

    [Fact]
    public async Task TheCache_ForgetsADossierItHeldAgain_AndKeepsNothingReadDuringAnEviction()
    {
        using var cache = new PublicLookupCache(Options.Create(new PublicLookupOptions { CacheEntries = 10 }));
        var id = Guid.NewGuid();
        PublicLookupCache.Entry Read(string status) =>
            new(id, "1234", new PublicDossierView("000.21.01.H49-261123-0001", "Thủ tục", status, status, "direct", null, null, null, null, false, null, null, null));

        cache.Add(Read("received"), cache.Generation);
        Assert.True(cache.TryGet("000.21.01.H49-261123-0001", out _));
        cache.Evict([id]);
        Assert.False(cache.TryGet("000.21.01.H49-261123-0001", out _));

        // Read again at once: the first entry's eviction callback runs later and must not unlink the second.
        cache.Add(Read("in_progress"), cache.Generation);
        await Task.Delay(200);
        cache.Evict([id]);
        Assert.False(cache.TryGet("000.21.01.H49-261123-0001", out _));

        // A view read before an eviction is not kept.
        var before = cache.Generation;
        cache.Evict([Guid.NewGuid()]);
        cache.Add(Read("returned"), before);
        Assert.False(cache.TryGet("000.21.01.H49-261123-0001", out _));

        // Suspended, it keeps nothing; resumed, it keeps again.
        cache.Suspend();
        cache.Add(Read("returned"), cache.Generation);
        Assert.False(cache.TryGet("000.21.01.H49-261123-0001", out _));
        cache.Resume();
        cache.Add(Read("returned"), cache.Generation);
        Assert.True(cache.TryGet("000.21.01.H49-261123-0001", out var entry));
        Assert.Equal("returned", entry!.View.Status);
    }

    private static string Path(string code, string phone) => $"/api/v1/public/dossiers/{Uri.EscapeDataString(code)}?phone={phone}";

    private static async Task<JsonElement> LookUpAsync(HttpClient client, string code, string phone) =>
        await (await client.GetAsync(Path(code, phone))).ReadAsync<JsonElement>();

    private static IEnumerable<string> CachedCodes(PublicLookupCache cache, string code) =>
        cache.TryGet(code, out var entry) ? [entry!.View.Code] : [];
}
