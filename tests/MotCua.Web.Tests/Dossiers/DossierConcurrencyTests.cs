using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Dossiers;
using MotCua.Testing;

namespace MotCua.Web.Tests.Dossiers;

/// <summary>Codes under concurrency, idempotent reception, and two officers acting on one dossier at once.</summary>
public sealed class DossierConcurrencyTests(DossierApp app) : IClassFixture<DossierApp>
{
    [Fact]
    public async Task TwoHundredConcurrentReceptions_AtOneAgency_GetTwoHundredConsecutiveCodes()
    {
        var staff = await app.StaffAsync("qng-vantuong-motcua", "qng-vantuong");
        var request = await app.ReceptionAsync(email: null);
        var responses = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => staff.Reception.PostReceptionAsync(request)));
        var codes = new List<string>();
        foreach (var response in responses)
        {
            codes.Add((await response.ReadAsync<JsonElement>()).Code());
        }
        Assert.Equal(200, codes.Distinct().Count());
        var prefix = codes[0][..^4];
        Assert.All(codes, c => Assert.StartsWith(prefix, c, StringComparison.Ordinal));
        var numbers = codes.Select(c => int.Parse(c[^4..], System.Globalization.CultureInfo.InvariantCulture)).Order().ToList();
        Assert.Equal(Enumerable.Range(numbers[0], 200), numbers);
        Assert.Equal(200, await app.WithDbAsync(db => db.Set<Dossier>().CountAsync(d => d.Code!.StartsWith(prefix))));
    }

    [Fact]
    public async Task SameIdempotencyKey_GivesTheSameDossier_AndAnotherBodyIsRefused()
    {
        var staff = await app.StaffAsync();
        var request = await app.ReceptionAsync();
        var key = Guid.NewGuid().ToString("N");
        var before = await app.WithDbAsync(db => db.Set<Dossier>().CountAsync());

        var attempts = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => staff.Reception.PostReceptionAsync(request, key)));
        var codes = new HashSet<string>();
        foreach (var attempt in attempts)
        {
            codes.Add((await attempt.ReadAsync<JsonElement>()).Code());
        }
        Assert.Single(codes);
        Assert.Equal(4, attempts.Count(a => a.Headers.Contains("Idempotent-Replayed")));
        Assert.Equal(before + 1, await app.WithDbAsync(db => db.Set<Dossier>().CountAsync()));

        request["note"] = "Một yêu cầu khác";
        await (await staff.Reception.PostReceptionAsync(request, key)).AssertProblemAsync(HttpStatusCode.Conflict, "idempotency_key_reused");
        Assert.Equal(before + 1, await app.WithDbAsync(db => db.Set<Dossier>().CountAsync()));
    }

    [Fact]
    public async Task TwoOfficersHandingOffTheSameDossierAtOnce_ExactlyOneWins()
    {
        var staff = await app.StaffAsync();
        var second = await app.OfficerAsync(Domain.Organisation.Role.Specialist, DossierApp.Commune);
        for (var round = 0; round < 5; round++)
        {
            var code = (await staff.Reception.ReceiveAsync(await app.ReceptionAsync())).Code();
            var dossier = await staff.Reception.DoAsync(code, "transfer");
            var version = dossier.GetProperty("version").GetInt32();
            var results = await Task.WhenAll(
                staff.Specialist.ActAsync(code, "transfer", new { version, note = "Chuyên viên 1" }),
                second.ActAsync(code, "transfer", new { version, note = "Chuyên viên 2" }));
            Assert.Single(results, r => r.StatusCode == HttpStatusCode.OK);
            await results.Single(r => r.StatusCode != HttpStatusCode.OK).AssertProblemAsync(HttpStatusCode.Conflict, "concurrency_conflict");
            var after = await staff.Leader.GetDossierAsync(code);
            Assert.Equal(version + 1, after.GetProperty("version").GetInt32());
            Assert.Equal(3, after.GetProperty("history").GetArrayLength());
        }
    }

    [Fact]
    public async Task AStaleVersion_IsRefusedWithoutChangingTheDossier()
    {
        var staff = await app.StaffAsync();
        var code = (await staff.Reception.ReceiveAsync(await app.ReceptionAsync())).Code();
        var stale = (await staff.Reception.GetDossierAsync(code)).GetProperty("version").GetInt32();
        await staff.Reception.DoAsync(code, "transfer", new { version = stale });
        await (await staff.Specialist.ActAsync(code, "stop", new { version = stale, reason = "x" })).AssertProblemAsync(HttpStatusCode.Conflict, "concurrency_conflict");
        Assert.Equal("in_progress", (await staff.Specialist.GetDossierAsync(code)).Status());
    }
}
