using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Notifications;
using MotCua.Testing;
using MotCua.Testing.Simulators;

namespace MotCua.Web.Tests.Dossiers;

/// <summary>The national portal adapter against its simulator: signed status updates with retries and dead letters; signed, idempotent online dossiers.</summary>
public sealed class NpspConnectorTests(DossierApp app) : IClassFixture<DossierApp>
{
    [Fact]
    public async Task StatusUpdates_AreSignedAndCarryThePortalFields()
    {
        var staff = await app.StaffAsync();
        var dossier = await staff.Reception.ReceiveAsync(await app.ReceptionAsync());
        var code = dossier.Code();
        var update = await app.Npsp.WaitForAsync(u => u.GetProperty("MaHoSo").GetString() == code);
        Assert.Equal(2, update.GetProperty("TrangThai").GetInt32());
        Assert.Equal(1, update.GetProperty("KenhThucHien").GetInt32());
        Assert.Equal(DossierApp.Procedure, update.GetProperty("MaTTHC").GetString());
        Assert.Equal("000.21.01.H49", update.GetProperty("MaCoQuan").GetString());
        var due = dossier.Instant("dueAt")!.Value.ToOffset(TimeSpan.FromHours(7));
        Assert.Equal(due.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture), update.GetProperty("NgayHenTra").GetString());
        Assert.Equal(0, app.Npsp.Rejected);
        var view = await WaitForSyncAsync(staff.Reception, code, "synced");
        Assert.Equal(0, view.GetProperty("sync").GetProperty("failed").GetInt32());
    }

    [Fact]
    public async Task AFailingPortal_IsRetriedWithBackoff_ThenDeadLetteredAndRetriedByHand()
    {
        var staff = await app.StaffAsync();
        var admin = await app.AdminAsync();
        app.Npsp.FailNext(1);
        var code = (await staff.Reception.ReceiveAsync(await app.ReceptionAsync(email: null))).Code();
        var pending = await WaitForSyncAsync(staff.Reception, code, "pending", attempted: true);
        Assert.Contains("503", pending.GetProperty("sync").GetProperty("lastError").GetString(), StringComparison.Ordinal);

        // The retry waits for its back-off (1 minute in this fixture), then succeeds.
        app.Time.Advance(TimeSpan.FromMinutes(1));
        await app.Npsp.WaitForAsync(u => u.GetProperty("MaHoSo").GetString() == code);

        // Three failures in a row exhaust the attempts: a dead letter an administrator can send again.
        app.Npsp.FailNext(3);
        var second = (await staff.Reception.ReceiveAsync(await app.ReceptionAsync(email: null))).Code();
        await WaitForSyncAsync(staff.Reception, second, "pending", attempted: true);
        app.Time.Advance(TimeSpan.FromMinutes(1));
        await WaitForAttemptsAsync(second, 2);
        app.Time.Advance(TimeSpan.FromMinutes(2));
        await WaitForSyncAsync(staff.Reception, second, "failed");

        var letters = await admin.GetFromJsonAsync<JsonElement>("/api/v1/outbox?status=dead_letter&channel=npsp");
        var letter = letters.GetProperty("page").GetProperty("items").EnumerateArray().Single(m => m.GetProperty("dossierCode").GetString() == second);
        Assert.Equal(3, letter.GetProperty("attempts").GetInt32());
        await (await staff.Reception.Client.PostAsync($"/api/v1/outbox/{letter.GetProperty("id").GetGuid()}/retry", null)).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/v1/outbox/{letter.GetProperty("id").GetGuid()}/retry", null)).StatusCode);
        await app.Npsp.WaitForAsync(u => u.GetProperty("MaHoSo").GetString() == second);
        await (await admin.PostAsync($"/api/v1/outbox/{letter.GetProperty("id").GetGuid()}/retry", null)).AssertProblemAsync(HttpStatusCode.Conflict, "not_dead_letter");
    }

    [Fact]
    public async Task OnlineDossiers_FromThePortal_AreSignedIdempotentAndWaitForTheDesk()
    {
        var staff = await app.StaffAsync();
        var procedure = await app.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/procedures/{DossierApp.Procedure}");
        var npspId = "G22.99-261123-" + Guid.NewGuid().ToString("N")[..6];
        var body = JsonSerializer.Serialize(new
        {
            MaHoSoQG = npspId,
            MaTTHC = DossierApp.Procedure,
            MaCoQuanTiepNhan = "000.21.01.H49",
            NguoiNop = new { LoaiDoiTuong = "1", HoTen = "Lê Văn Bình", SoDinhDanh = "051095000321", SoDienThoai = "0905111222", Email = "le.binh@example.vn", DiaChi = "Bình Sơn" },
            ThanhPhanHoSo = procedure.GetProperty("components").EnumerateArray()
                .Select(c => new { TenThanhPhan = c.GetProperty("name").GetString(), SoBan = 1, BanChinh = true }).ToList(),
        });
        var client = app.Anonymous();

        var forged = await client.SendAsync(NpspSimulator.SignedRequest("/api/v1/connectors/npsp/dossiers", body, app.Time.GetUtcNow(), secret: "khoa-sai-khong-dung-2026"));
        await forged.AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_signature");
        var stale = await client.SendAsync(NpspSimulator.SignedRequest("/api/v1/connectors/npsp/dossiers", body, app.Time.GetUtcNow().AddHours(-1)));
        await stale.AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_signature");

        var first = await client.SendAsync(NpspSimulator.SignedRequest("/api/v1/connectors/npsp/dossiers", body, app.Time.GetUtcNow()));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var receipt = await first.ReadAsync<JsonElement>();
        Assert.Equal(1, receipt.GetProperty("TrangThai").GetInt32());
        var code = receipt.GetProperty("MaHoSo").GetString()!;
        var again = await client.SendAsync(NpspSimulator.SignedRequest("/api/v1/connectors/npsp/dossiers", body, app.Time.GetUtcNow()));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(code, (await again.ReadAsync<JsonElement>()).GetProperty("MaHoSo").GetString());

        var submitted = await staff.Reception.GetDossierAsync(code);
        Assert.Equal("submitted", submitted.Status());
        Assert.Equal("online", submitted.GetProperty("channel").GetString());
        Assert.Null(submitted.Instant("dueAt"));
        Assert.Equal(procedure.GetProperty("components").GetArrayLength(), submitted.GetProperty("documents").GetArrayLength());
        await (await staff.Reception.ActAsync(code, "transfer")).AssertProblemAsync(HttpStatusCode.Conflict, "invalid_transition");

        var accepted = await staff.Reception.DoAsync(code, "accept");
        Assert.Equal("received", accepted.Status());
        Assert.NotNull(accepted.Instant("dueAt"));
        await app.Smtp.WaitForAsync(m => m.Subject == $"Tiếp nhận hồ sơ {code}");
        var update = await app.Npsp.WaitForAsync(u => u.GetProperty("MaHoSo").GetString() == code && u.GetProperty("TrangThai").GetInt32() == 2);
        Assert.Equal(npspId, update.GetProperty("MaHoSoQG").GetString());
        Assert.Equal(2, update.GetProperty("KenhThucHien").GetInt32());

        // A second online dossier refused by the desk gets status 3.
        var refusedId = npspId + "-2";
        var refusedBody = body.Replace(npspId, refusedId, StringComparison.Ordinal);
        var refusedCode = (await (await client.SendAsync(NpspSimulator.SignedRequest("/api/v1/connectors/npsp/dossiers", refusedBody, app.Time.GetUtcNow())))
            .ReadAsync<JsonElement>()).GetProperty("MaHoSo").GetString()!;
        await (await staff.Reception.ActAsync(refusedCode, "refuse")).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        var refused = await staff.Reception.DoAsync(refusedCode, "refuse", new { reason = "Ảnh chụp giấy tờ không đọc được" });
        Assert.Equal("not_accepted", refused.Status());
        await app.Npsp.WaitForAsync(u => u.GetProperty("MaHoSoQG").GetString() == refusedId && u.GetProperty("TrangThai").GetInt32() == 3);
    }

    private async Task<JsonElement> WaitForSyncAsync(TestOfficer officer, string code, string state, bool attempted = false)
    {
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        JsonElement view;
        do
        {
            view = await officer.GetDossierAsync(code);
            var sync = view.GetProperty("sync");
            if (sync.GetProperty("status").GetString() == state && (!attempted || sync.GetProperty("lastError").ValueKind == JsonValueKind.String))
            {
                return view;
            }
            await Task.Delay(100);
        }
        while (DateTime.UtcNow < until);
        throw new TimeoutException($"Sync state of {code} stayed {view.GetProperty("sync").GetRawText()}");
    }

    private async Task WaitForAttemptsAsync(string code, int attempts)
    {
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (DateTime.UtcNow < until)
        {
            var count = await app.WithDbAsync(db => db.Set<OutboxMessage>()
                .Where(m => m.Channel == "npsp" && db.Set<Core.Dossiers.Dossier>().Any(d => d.Id == m.DossierId && d.Code == code))
                .Select(m => m.Attempts).FirstOrDefaultAsync());
            if (count >= attempts)
            {
                return;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"The update of {code} was not attempted {attempts} times.");
    }
}
