using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using MotCua.Core.Data;
using MotCua.Core.Identity;
using MotCua.Domain.Organisation;
using OtpNet;
using Xunit;

namespace MotCua.Testing;

/// <summary>
/// The real app on a fresh database (SQLite or PostgreSQL, see <see cref="TestDatabase"/>) with the demo
/// organisation seeded, a known bootstrap password and a fake clock starting Monday 23/11/2026 09:00 (Vietnam).
/// </summary>
public class MotCuaApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string AdminPassword = "Kiem-Thu-Quan-Tri-2026";
    public const string OfficerPassword = "Can-Bo-Kiem-Thu-2026";

    private readonly TestDatabase? _shared;
    private TestDatabase? _database;
    private readonly SemaphoreSlim _totpClock = new(1, 1);
    private HttpClient? _admin;

    public static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.FromHours(7));

    public MotCuaApp()
    {
    }

    private MotCuaApp(TestDatabase shared) => _shared = shared;

    public FakeTimeProvider Time { get; } = new(Start);

    public TestDatabase Database => _database ?? throw new InvalidOperationException("The app is not initialised yet.");

    /// <summary>Extra settings a derived fixture wants (e.g. a low rate limit).</summary>
    protected virtual IEnumerable<KeyValuePair<string, string>> Settings() => [];

    public virtual async ValueTask InitializeAsync()
    {
        _database = _shared ?? await TestDatabase.CreateAsync();
        StartApp();
    }

    /// <summary>Another node of the same deployment: a second app over this app's database, with its own caches.</summary>
    public async Task<MotCuaApp> SecondNodeAsync()
    {
        var node = new MotCuaApp(Database);
        await node.InitializeAsync();
        return node;
    }

    /// <summary>
    /// PostgreSQL: cuts every node's connection that listens for other nodes' cache changes (as a network fault
    /// would) and returns how many were cut.
    /// </summary>
    public async Task<int> CutListeningConnectionsAsync()
    {
        var cut = await WithDbAsync(db => db.Database.SqlQuery<bool>(
            $"SELECT pg_terminate_backend(pid) AS \"Value\" FROM pg_stat_activity WHERE datname = current_database() AND query LIKE {"LISTEN %"}").ToListAsync());
        return cut.Count(c => c);
    }

    /// <summary>Polls <paramref name="condition"/> for up to 5 s (something another thread or node does) and asserts it holds.</summary>
    public static Task WaitUntilAsync(Func<bool> condition, string? because = null) =>
        WaitUntilAsync(() => Task.FromResult(condition()), because);

    /// <summary>Polls <paramref name="condition"/> (a database read, say) for up to 5 s and asserts it holds.</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, string? because = null)
    {
        for (var i = 0; i < 100 && !await condition(); i++)
        {
            await Task.Delay(50);
        }
        Assert.True(await condition(), because);
    }

    /// <summary>Builds the host (in memory by default); derived fixtures may start Kestrel instead.</summary>
    protected virtual void StartApp() => _ = Server;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Database.Provider);
        builder.UseSetting($"ConnectionStrings:{Database.Provider}", Database.ConnectionString);
        builder.UseSetting("Data:Directory", Database.DataDirectory);
        builder.UseSetting("Database:SeedDemo", "true");
        builder.UseSetting("Database:SeedDemoOfficers", "false");
        builder.UseSetting("Reports:NightlyReconciliation", "false");
        builder.UseSetting("Database:MigrateOnStart", "true");
        builder.UseSetting("Bootstrap:AdminPassword", AdminPassword);
        builder.UseSetting("RateLimits:PublicPerMinute", "1000000");
        builder.UseSetting("RateLimits:SignInPerMinute", "1000000");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore.DataProtection", "Error");
        // Tests provoke database errors on purpose (races, constraint checks); the assertions report what matters.
        builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Critical");
        foreach (var (key, value) in Settings())
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Time)));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_database is not null && _shared is null)
        {
            await _database.DisposeAsync();
        }
        _totpClock.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Runs <paramref name="work"/> against the app's database in a fresh scope.</summary>
    public async Task<T> WithDbAsync<T>(Func<MotCuaDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<MotCuaDbContext>());
    }

    public Task<Guid> UnitIdAsync(string externalKey) =>
        WithDbAsync(db => db.Units.Where(u => u.ExternalKey == externalKey).Select(u => u.Id).SingleAsync());

    /// <summary>A client signed in as the bootstrap administrator (TOTP enrolled on first use).</summary>
    public async Task<HttpClient> AdminAsync()
    {
        if (_admin is not null)
        {
            return _admin;
        }
        var secret = await EnrolTotpAsync("admin", AdminPassword);
        _admin = await SignedInClientAsync("admin", AdminPassword, secret);
        return _admin;
    }

    /// <summary>
    /// Creates an officer holding <paramref name="role"/> on the unit with the given demo key (the password
    /// already changed to <see cref="OfficerPassword"/>) and returns a client signed in as them.
    /// </summary>
    public async Task<TestOfficer> OfficerAsync(Role role, string unitKey, string? userName = null)
    {
        var unitId = await UnitIdAsync(unitKey);
        userName ??= $"{role.Key()}.{Guid.NewGuid():N}"[..30];
        await using (var scope = Services.CreateAsyncScope())
        {
            var officers = scope.ServiceProvider.GetRequiredService<OfficerService>();
            var created = await officers.CreateAsync(
                new CreateOfficerRequest(userName, $"Cán bộ {role.Vietnamese()}", null, null, unitId, [new GrantRequest(role.Key(), unitId)]),
                CancellationToken.None);
            var db = scope.ServiceProvider.GetRequiredService<MotCuaDbContext>();
            var officer = await db.Officers.SingleAsync(o => o.Id == created.Officer.Id);
            officer.PasswordHash = scope.ServiceProvider.GetRequiredService<IPasswordHasher<Officer>>().HashPassword(officer, OfficerPassword);
            officer.MustChangePassword = false;
            await db.SaveChangesAsync();
        }
        var secret = role == Role.Administrator ? await EnrolTotpAsync(userName, OfficerPassword) : null;
        var client = await SignedInClientAsync(userName, OfficerPassword, secret);
        return new TestOfficer(userName, unitId, client, secret);
    }

    /// <summary>The same officer with a fresh token (after the fake clock moved past the old one's lifetime).</summary>
    public async Task<TestOfficer> SignInAgainAsync(TestOfficer officer) =>
        officer with { Client = await SignedInClientAsync(officer.UserName, OfficerPassword, officer.TotpSecret) };

    /// <summary>A client without credentials.</summary>
    public HttpClient Anonymous() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = ClientOptions.BaseAddress });

    public async Task<HttpClient> SignedInClientAsync(string userName, string password, string? totpSecret)
    {
        var token = await TokenAsync(userName, password, totpSecret);
        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async Task<string> TokenAsync(string userName, string password, string? totpSecret)
    {
        var response = await Anonymous().PostAsJsonAsync("/api/v1/auth/token",
            new { userName, password, totp = totpSecret is null ? null : await NextTotpAsync(totpSecret) });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<TokenBody>();
        return body!.AccessToken;
    }

    /// <summary>Signs in with the password only (token limited to the account endpoints), enrols TOTP and returns the secret.</summary>
    public async Task<string> EnrolTotpAsync(string userName, string password)
    {
        var client = await SignedInClientAsync(userName, password, null);
        var setup = await client.PostAsync("/api/v1/account/totp/setup", null);
        setup.EnsureSuccessStatusCode();
        var secret = (await setup.Content.ReadFromJsonAsync<TotpBody>())!.Secret;
        var confirm = await client.PostAsJsonAsync("/api/v1/account/totp/confirm", new { code = await NextTotpAsync(secret) });
        confirm.EnsureSuccessStatusCode();
        return secret;
    }

    /// <summary>A code for the next 30-second step (a step can be used once), moving the fake clock on.</summary>
    public async Task<string> NextTotpAsync(string secret)
    {
        await _totpClock.WaitAsync();
        try
        {
            Time.Advance(TimeSpan.FromSeconds(30));
            return new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp(Time.GetUtcNow().UtcDateTime);
        }
        finally
        {
            _totpClock.Release();
        }
    }

    private sealed record TokenBody(string AccessToken);

    private sealed record TotpBody(string Secret);
}

public sealed record TestOfficer(string UserName, Guid UnitId, HttpClient Client, string? TotpSecret);
