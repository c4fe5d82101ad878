using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MotCua.Testing;

namespace MotCua.Web.Tests.Audit;

public sealed class AuditTrailTests(MotCuaApp app) : IClassFixture<MotCuaApp>
{
    private sealed record Entry(long Sequence, DateTimeOffset At, string ActorName, string? IpAddress, string Action, string? TargetId, string Details);

    private sealed record PageBody(List<Entry> Items, int Total);

    private sealed record Verification(bool IsValid, long Checked, long? FirstBrokenSequence, string Message);

    [Fact]
    public async Task Command_IsRecordedWithWhoWhatWhenAndPersonalIdsMasked()
    {
        var admin = await app.AdminAsync();
        var parent = await app.UnitIdAsync("qng-binhson");
        var unit = await (await admin.PostAsJsonAsync("/api/v1/units",
            new { parentId = parent, name = "Điểm tiếp nhận của ông 079123456789", kind = "mot_cua", agencyCode = "000.21.07.H49" })).ReadAsync<JsonElement>();
        var id = unit.GetProperty("id").GetString();

        var page = await admin.GetFromJsonAsync<PageBody>($"/api/v1/audit?targetId={id}");
        var entry = Assert.Single(page!.Items);
        Assert.Equal("unit.create", entry.Action);
        Assert.Equal("admin", entry.ActorName);
        Assert.Equal(app.Time.GetUtcNow().ToUnixTimeSeconds(), entry.At.ToUnixTimeSeconds());
        Assert.Contains("*********789", entry.Details, StringComparison.Ordinal);
        Assert.DoesNotContain("079123456789", entry.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FailedSignIn_IsRecorded()
    {
        await app.Anonymous().PostAsJsonAsync("/api/v1/auth/token", new { userName = "admin", password = "khong-dung-123" });
        var admin = await app.AdminAsync();
        var page = await admin.GetFromJsonAsync<PageBody>("/api/v1/audit?action=auth.sign_in_failed");
        Assert.Contains(page!.Items, e => e.Details.Contains("admin", StringComparison.Ordinal));
    }
}

/// <summary>Tampering tests get their own database: they break the chain on purpose.</summary>
public sealed class AuditTamperingTests(MotCuaApp app) : IClassFixture<MotCuaApp>
{
    private sealed record Verification(bool IsValid, long Checked, long? FirstBrokenSequence, string Message);

    [Fact]
    public async Task Verify_DetectsEditedAndDeletedRows_EvenWhenTheDatabaseGuardIsBypassed()
    {
        var admin = await app.AdminAsync();
        var parent = await app.UnitIdAsync("qng");
        for (var i = 0; i < 3; i++)
        {
            await admin.PostAsJsonAsync("/api/v1/units", new { parentId = parent, name = $"Đơn vị thử {i}", kind = "so", agencyCode = $"000.00.5{i}.H49" });
        }
        var intact = await admin.GetFromJsonAsync<Verification>("/api/v1/audit/verify");
        Assert.True(intact!.IsValid, intact.Message);
        var target = intact.Checked - 2;

        // The database refuses edits of the trail outright…
        await Assert.ThrowsAnyAsync<Exception>(() => app.WithDbAsync(db =>
            db.AuditEntries.Where(a => a.Sequence == target).ExecuteUpdateAsync(s => s.SetProperty(a => a.Details, "sửa"))));

        // …so a tamperer with the rights to drop the guard is simulated.
        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(app.Database.Provider == "Postgres"
            ? "ALTER TABLE \"AuditEntries\" DISABLE TRIGGER audit_entries_append_only"
            : "DROP TRIGGER AuditEntries_NoUpdate; DROP TRIGGER AuditEntries_NoDelete;"));
        var original = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.Sequence == target).Select(a => a.Details).SingleAsync());
        await app.WithDbAsync(db => db.AuditEntries.Where(a => a.Sequence == target).ExecuteUpdateAsync(s => s.SetProperty(a => a.Details, "Nội dung đã bị sửa")));

        var edited = await admin.GetFromJsonAsync<Verification>("/api/v1/audit/verify");
        Assert.False(edited!.IsValid);
        Assert.Equal(target, edited.FirstBrokenSequence);

        await app.WithDbAsync(db => db.AuditEntries.Where(a => a.Sequence == target).ExecuteUpdateAsync(s => s.SetProperty(a => a.Details, original)));
        Assert.True((await admin.GetFromJsonAsync<Verification>("/api/v1/audit/verify"))!.IsValid);

        await app.WithDbAsync(db => db.AuditEntries.Where(a => a.Sequence == target).ExecuteDeleteAsync());
        var deleted = await admin.GetFromJsonAsync<Verification>("/api/v1/audit/verify");
        Assert.False(deleted!.IsValid);
        Assert.Equal(target, deleted.FirstBrokenSequence);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/v1/audit")).StatusCode);
    }
}
