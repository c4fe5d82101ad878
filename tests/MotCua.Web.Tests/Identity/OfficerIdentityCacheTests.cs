using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MotCua.Core.Identity;
using MotCua.Domain.Organisation;
using MotCua.Testing;

namespace MotCua.Web.Tests.Identity;

/// <summary>Officers' identities are kept between requests, and a committed change of an officer is seen by the very next request.</summary>
public sealed class OfficerIdentityCacheTests(MotCuaApp app) : IClassFixture<MotCuaApp>
{
    [Fact]
    public async Task ACachedIdentity_GivesWayToTheOfficersChange_OnTheNextRequest()
    {
        var cache = app.Services.GetRequiredService<OfficerIdentityCache>();
        await MotCuaApp.WaitUntilAsync(() => cache.Enabled);
        var officer = await app.OfficerAsync(Role.Specialist, "qng-binhson");
        var admin = await app.AdminAsync();
        var id = (await AccountAsync(officer.Client)).GetProperty("id").GetGuid();
        Assert.True(cache.TryGet(id, out _));

        // A new name keeps the session (the rights did not change) and shows at once.
        await UpdateAsync(admin, id, officer.UnitId, "Cán bộ đổi tên", isActive: true);
        Assert.Equal("Cán bộ đổi tên", (await AccountAsync(officer.Client)).GetProperty("fullName").GetString());

        // Deactivated: the cached identity goes with the commit, and the session with it.
        await UpdateAsync(admin, id, officer.UnitId, "Cán bộ đổi tên", isActive: false);
        await (await officer.Client.GetAsync("/api/v1/account")).AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        Assert.False(cache.TryGet(id, out _));

        if (app.Database.Provider == "Postgres")
        {
            // Several nodes share one PostgreSQL database (a SQLite file serves one node).
            await AnotherNodesChangeReachesThisNodeAsync(admin);
        }
    }

    /// <summary>A second node hears the first node's change of an officer, and keeps no identity while it cannot hear.</summary>
    private async Task AnotherNodesChangeReachesThisNodeAsync(HttpClient admin)
    {
        var officer = await app.OfficerAsync(Role.Specialist, "qng-sonmai");
        await using var other = await app.SecondNodeAsync();
        var otherCache = other.Services.GetRequiredService<OfficerIdentityCache>();
        await MotCuaApp.WaitUntilAsync(() => otherCache.Enabled);
        var client = other.Anonymous();
        client.DefaultRequestHeaders.Authorization = officer.Client.DefaultRequestHeaders.Authorization;
        var id = (await AccountAsync(client)).GetProperty("id").GetGuid();
        Assert.True(otherCache.TryGet(id, out _));

        await UpdateAsync(admin, id, officer.UnitId, "Tên mới từ nút thứ nhất", isActive: true);
        await MotCuaApp.WaitUntilAsync(() => !otherCache.TryGet(id, out _));
        Assert.Equal("Tên mới từ nút thứ nhất", (await AccountAsync(client)).GetProperty("fullName").GetString());

        // Cut the listening connections: the second node reads every identity from the database until it listens again.
        Assert.Equal(2, await app.CutListeningConnectionsAsync());
        await MotCuaApp.WaitUntilAsync(() => !otherCache.Enabled);
        await UpdateAsync(admin, id, officer.UnitId, "Tên mới từ nút thứ nhất", isActive: false);
        await (await client.GetAsync("/api/v1/account")).AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        await MotCuaApp.WaitUntilAsync(() => otherCache.Enabled);
    }

    [Fact]
    public void TheCache_KeepsNothingReadDuringAnEviction_NorWhileSuspended_NorBeyondItsSize()
    {
        var cache = new OfficerIdentityCache(Options.Create(new CredentialOptions { IdentityCacheEntries = 2 }));
        OfficerIdentity Read(Guid id, string stamp) => new(id, "can.bo", "Cán bộ", Guid.Empty, stamp, false, false, false, [(Role.Specialist, Guid.Empty)]);
        var id = Guid.NewGuid();

        cache.Add(Read(id, "a"), cache.Generation);
        Assert.True(cache.TryGet(id, out var kept));
        Assert.Equal("a", kept!.SecurityStamp);
        cache.Evict([id]);
        Assert.False(cache.TryGet(id, out _));

        // Read before an eviction (of anyone): not kept.
        var before = cache.Generation;
        cache.Evict([Guid.NewGuid()]);
        cache.Add(Read(id, "b"), before);
        Assert.False(cache.TryGet(id, out _));

        cache.Suspend();
        cache.Add(Read(id, "c"), cache.Generation);
        Assert.False(cache.TryGet(id, out _));
        cache.Resume();
        cache.Add(Read(id, "c"), cache.Generation);
        Assert.True(cache.TryGet(id, out _));

        cache.Add(Read(Guid.NewGuid(), "d"), cache.Generation);
        var third = Guid.NewGuid();
        cache.Add(Read(third, "e"), cache.Generation);
        Assert.False(cache.TryGet(third, out _));
        Assert.Equal(2, cache.Count);

        Assert.False(new OfficerIdentityCache(Options.Create(new CredentialOptions { IdentityCacheEntries = 0 })).Enabled);
    }

    private static async Task<JsonElement> AccountAsync(HttpClient client) => (await client.GetFromJsonAsync<JsonElement>("/api/v1/account"))!;

    private static async Task UpdateAsync(HttpClient admin, Guid id, Guid unitId, string fullName, bool isActive)
    {
        var response = await admin.PutAsJsonAsync($"/api/v1/officers/{id}",
            new { fullName, unitId, isActive, roles = new[] { new { role = "specialist", unitId } } });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
