using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Core.Dossiers;
using MotCua.Core.Notifications;
using MotCua.Core.Reports;
using MotCua.Domain.Reports;
using MotCua.Testing;

namespace MotCua.Web.Tests.Reports;

/// <summary>
/// Reports read the daily figures kept with every dossier change; the reconciliation recomputes them from the
/// dossiers, finds none drifted after a run of transitions, and finds and repairs a counter changed behind its back.
/// </summary>
public sealed class ReportFiguresTests(DossierApp app) : IClassFixture<DossierApp>
{
    private static async Task<JsonElement> ReconcileAsync(HttpClient admin) =>
        await admin.JobResultAsync(await admin.PostAsync("/api/v1/admin/reports/reconcile", null));

    /// <summary>
    /// Waits until the outbox has reported every status to the national portal and marked those dossiers
    /// synchronised: the mark changes a figure, so a fold that ran before it would leave its delta behind.
    /// </summary>
    private Task OutboxSettledAsync() => MotCuaApp.WaitUntilAsync(() => app.WithDbAsync(async db =>
        !await db.Set<OutboxMessage>().AnyAsync(m => m.Status == OutboxStatus.Pending)
        && !await db.Set<Dossier>().AnyAsync(d => !d.NpspSynced
            && db.Set<OutboxMessage>().Any(m => m.DossierId == d.Id && m.Channel == "npsp" && m.Status == OutboxStatus.Sent))),
        "The outbox did not settle within 5 s.");

    [Fact]
    public async Task FiguresFollowEveryTransition_AndTheReconciliationRepairsACounterChangedBehindItsBack()
    {
        var staff = await app.StaffAsync();
        var commune = await app.UnitIdAsync(DossierApp.Commune);
        var returned = (await staff.Reception.ReceiveAsync(await app.ReceptionAsync())).Code();
        var supplemented = (await staff.Reception.ReceiveAsync(await app.ReceptionAsync())).Code();
        var withdrawn = (await staff.Reception.ReceiveAsync(await app.ReceptionAsync())).Code();
        await staff.Reception.ReceiveAsync(await app.ReceptionAsync(channel: "postal"));
        await staff.Reception.DoAsync(returned, "transfer");
        await staff.Specialist.DoAsync(returned, "claim");
        await staff.Specialist.DoAsync(returned, "transfer");
        await staff.Leader.DoAsync(returned, "approve");
        await staff.Clerk.DoAsync(returned, "seal", new { resultNumber = "21/GXN" });
        await staff.Reception.DoAsync(returned, "return-result", new { method = "online" });
        await staff.Reception.DoAsync(supplemented, "transfer");
        await staff.Specialist.DoAsync(supplemented, "claim");
        await staff.Specialist.DoAsync(supplemented, "request-supplement", new { missingItems = new[] { "Bản sao giấy khai sinh" } });
        await staff.Reception.DoAsync(supplemented, "supplement");
        await staff.Specialist.DoAsync(supplemented, "request-supplement", new { missingItems = new[] { "Ảnh 4x6" } });
        await staff.Reception.DoAsync(withdrawn, "withdraw", new { reason = "Người nộp xin rút" });
        app.Time.Advance(TimeSpan.FromDays(10));
        await OutboxSettledAsync();

        // Two nodes folding the deltas into the counters at once add each delta once.
        await Task.WhenAll(app.WithDbAsync(db => FigureFolder.FoldAsync(db, CancellationToken.None)),
            app.WithDbAsync(db => FigureFolder.FoldAsync(db, CancellationToken.None)));
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<FigureDelta>().CountAsync()));

        var admin = await app.AdminAsync();
        var clean = await ReconcileAsync(admin);
        Assert.Equal(0, clean.GetProperty("drifted").GetInt32());
        Assert.True(clean.GetProperty("dossiers").GetInt32() >= 4);

        var leader = (await app.SignInAgainAsync(staff.Leader)).Client;
        var url = $"/api/v1/reports/processing?unitId={commune}&from=2026-11-02&to=2026-12-31"; // a partial month: its days come from the daily counters
        var before = await leader.GetFromJsonAsync<JsonElement>(url);
        Assert.Equal(4, before.GetProperty("received").GetProperty("total").GetInt32());
        Assert.Equal(2, before.GetProperty("resolved").GetProperty("total").GetInt32());
        Assert.Equal(1, before.GetProperty("returnedForSupplement").GetInt32()); // asked twice, counted once

        // Someone edits a counter in the database: the report shows it (it reads the counters, not the dossiers)...
        await app.WithDbAsync(db => db.Set<DailyFigure>()
            .Where(f => f.UnitId == commune && f.Key == (int)FigureKey.ReceivedOther)
            .OrderBy(f => f.Day).Take(1)
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.Count, f => f.Count + 5)));
        var tampered = await leader.GetFromJsonAsync<JsonElement>(url);
        Assert.Equal(9, tampered.GetProperty("received").GetProperty("total").GetInt32());

        // ...until the reconciliation finds it, says what it should be, and repairs it.
        var repaired = await ReconcileAsync(admin);
        Assert.Equal(1, repaired.GetProperty("drifted").GetInt32());
        var drift = repaired.GetProperty("examples")[0];
        Assert.Equal("ReceivedOther", drift.GetProperty("figure").GetString());
        Assert.Equal(5, drift.GetProperty("stored").GetInt64() - drift.GetProperty("expected").GetInt64());
        Assert.Equal(before.GetRawText(), (await leader.GetFromJsonAsync<JsonElement>(url)).GetRawText());
        Assert.Equal(0, (await ReconcileAsync(admin)).GetProperty("drifted").GetInt32());

        if (app.Database.Provider == "Postgres")
        {
            // Another node reconciling (holding the lock) makes this run stop rather than add the same difference twice.
            await using var scope = app.Services.CreateAsyncScope();
            var other = scope.ServiceProvider.GetRequiredService<Core.Data.MotCuaDbContext>();
            await other.Database.OpenConnectionAsync();
            await other.Database.SqlQuery<bool>($"SELECT pg_try_advisory_lock({FigureReconciliation.LockKey}) AS \"Value\"").SingleAsync();
            Assert.True((await ReconcileAsync(admin)).GetProperty("alreadyRunning").GetBoolean());
            await other.Database.SqlQuery<bool>($"SELECT pg_advisory_unlock({FigureReconciliation.LockKey}) AS \"Value\"").SingleAsync();
            Assert.False((await ReconcileAsync(admin)).GetProperty("alreadyRunning").GetBoolean());
        }
    }

    [Fact]
    public void TheReconciliationIsQueuedOncePerNightAfterTwo_AndAtOnceWhenItNeverRanOnDossiers()
    {
        var vietnam = TimeSpan.FromHours(7);
        var yesterday = new DateTimeOffset(2026, 11, 22, 2, 5, 0, vietnam);
        Assert.False(FigureReconciliationSchedule.IsDue(yesterday, true, new DateTimeOffset(2026, 11, 23, 1, 59, 0, vietnam)));
        Assert.True(FigureReconciliationSchedule.IsDue(yesterday, true, new DateTimeOffset(2026, 11, 23, 2, 0, 0, vietnam)));
        Assert.False(FigureReconciliationSchedule.IsDue(new DateTimeOffset(2026, 11, 23, 2, 1, 0, vietnam), true, new DateTimeOffset(2026, 11, 23, 23, 0, 0, vietnam)));
        Assert.True(FigureReconciliationSchedule.IsDue(null, true, new DateTimeOffset(2026, 11, 23, 10, 0, 0, vietnam)));
        Assert.False(FigureReconciliationSchedule.IsDue(null, false, new DateTimeOffset(2026, 11, 23, 10, 0, 0, vietnam)));
    }

    [Fact]
    public async Task OnlyTheProvincesAdministratorsStartAReconciliation()
    {
        var communeAdmin = (await app.OfficerAsync(Domain.Organisation.Role.Administrator, DossierApp.Commune)).Client;
        await (await communeAdmin.PostAsync("/api/v1/admin/reports/reconcile", null)).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }
}
