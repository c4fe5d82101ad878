using System.Net.Http.Json;
using System.Text.Json;
using MotCua.Domain.Organisation;
using MotCua.Testing.Simulators;

namespace MotCua.Testing;

/// <summary>
/// The app with its outside world simulated: a local SMTP sink receives the emails and an NPSP simulator
/// receives the status updates (and signs the online dossiers it forwards). The outbox is polled often so
/// that tests see deliveries quickly.
/// </summary>
public class DossierApp : MotCuaApp
{
    /// <summary>The demo desk of Bình Sơn commune (agency code 000.21.01.H49) and its commune.</summary>
    public const string Desk = "qng-binhson-motcua";
    public const string Commune = "qng-binhson";

    /// <summary>Cấp Giấy xác nhận tình trạng hôn nhân: 3 working days, reception → specialist → leader → clerk → return.</summary>
    public const string Procedure = "1.004873";

    public SmtpSink Smtp { get; } = new();

    public NpspSimulator Npsp { get; } = new();

    public override async ValueTask InitializeAsync()
    {
        await Npsp.StartAsync();
        await base.InitializeAsync();
    }

    protected override IEnumerable<KeyValuePair<string, string>> Settings() =>
    [
        new("Notifications:Smtp:Host", "127.0.0.1"),
        new("Notifications:Smtp:Port", Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("Npsp:Enabled", "true"),
        new("Npsp:BaseUrl", Npsp.BaseUrl),
        new("Npsp:ClientId", NpspSimulator.ClientId),
        new("Npsp:Secret", NpspSimulator.Secret),
        new("Outbox:Poll", "00:00:00.200"),
        new("Outbox:FirstRetry", "00:01:00"),
        new("Outbox:MaxAttempts", "3"),
        new("RateLimits:LookupPerMinute", "1000000"),
        .. ExtraSettings(),
    ];

    protected virtual IEnumerable<KeyValuePair<string, string>> ExtraSettings() => [];

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
        await Npsp.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>The staff of one desk and its commune: reception, specialist, leader, clerk.</summary>
    public async Task<Staff> StaffAsync(string desk = Desk, string commune = Commune) => new(
        await OfficerAsync(Role.Reception, desk),
        await OfficerAsync(Role.Specialist, commune),
        await OfficerAsync(Role.Leader, commune),
        await OfficerAsync(Role.Clerk, commune));

    /// <summary>New sign-ins for the staff after the fake clock jumped past their tokens' lifetime.</summary>
    public async Task<Staff> SignInAgainAsync(Staff staff) => new(
        await SignInAgainAsync(staff.Reception), await SignInAgainAsync(staff.Specialist), await SignInAgainAsync(staff.Leader), await SignInAgainAsync(staff.Clerk));

    /// <summary>A complete reception request for <paramref name="procedureCode"/>: every component of the procedure, one applicant.</summary>
    public async Task<Dictionary<string, object?>> ReceptionAsync(string procedureCode = Procedure, string phone = "0912345678", string? email = "nguoi.nop@example.vn", string channel = "direct")
    {
        var procedure = await Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/procedures/{procedureCode}");
        var documents = procedure.GetProperty("components").EnumerateArray()
            .Select(c => new { componentId = c.GetProperty("id").GetGuid(), copies = 1, original = true })
            .ToList();
        return new Dictionary<string, object?>
        {
            ["procedureCode"] = procedureCode,
            ["channel"] = channel,
            ["applicant"] = new
            {
                kind = "person",
                fullName = "Nguyễn Thị Hoa",
                personalId = "051190000123",
                phone,
                email,
                address = "Thôn An Phú, xã Bình Sơn, tỉnh Quảng Ngãi",
            },
            ["documents"] = documents,
        };
    }
}

public sealed record Staff(TestOfficer Reception, TestOfficer Specialist, TestOfficer Leader, TestOfficer Clerk);
