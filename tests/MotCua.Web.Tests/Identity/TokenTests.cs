using System.Net;
using System.Net.Http.Json;
using MotCua.Domain.Organisation;
using MotCua.Testing;

namespace MotCua.Web.Tests.Identity;

public sealed class TokenTests(MotCuaApp app) : IClassFixture<MotCuaApp>
{
    private static object Credentials(string userName, string password, string? totp = null) => new { userName, password, totp };

    [Fact]
    public async Task Token_WrongPasswordOrUnknownUser_Returns401WithTheSameAnswer()
    {
        var officer = await app.OfficerAsync(Role.Specialist, "qng-binhson");
        var client = app.Anonymous();

        var wrongPassword = await client.PostAsJsonAsync("/api/v1/auth/token", Credentials(officer.UserName, "Sai-Mat-Khau-123"));
        var unknownUser = await client.PostAsJsonAsync("/api/v1/auth/token", Credentials("khong.ton.tai", MotCuaApp.OfficerPassword));

        var first = await wrongPassword.AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        var second = await unknownUser.AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        Assert.Equal(first.GetProperty("detail").GetString(), second.GetProperty("detail").GetString());
        Assert.Equal(first.GetProperty("title").GetString(), second.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Token_TenFailures_LockTheAccountUntilTheLockoutEnds()
    {
        var officer = await app.OfficerAsync(Role.Reception, "qng-binhson");
        var client = app.Anonymous();
        for (var i = 1; i <= 9; i++)
        {
            var failed = await client.PostAsJsonAsync("/api/v1/auth/token", Credentials(officer.UserName, "Sai-Mat-Khau-" + i));
            await failed.AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        }
        var tenth = await client.PostAsJsonAsync("/api/v1/auth/token", Credentials(officer.UserName, "Sai-Mat-Khau-10"));
        await tenth.AssertProblemAsync(HttpStatusCode.Unauthorized, "account_locked");

        var rightButLocked = await client.PostAsJsonAsync("/api/v1/auth/token", Credentials(officer.UserName, MotCuaApp.OfficerPassword));
        await rightButLocked.AssertProblemAsync(HttpStatusCode.Unauthorized, "account_locked");

        app.Time.Advance(TimeSpan.FromMinutes(16));
        var afterLockout = await client.PostAsJsonAsync("/api/v1/auth/token", Credentials(officer.UserName, MotCuaApp.OfficerPassword));
        Assert.Equal(HttpStatusCode.OK, afterLockout.StatusCode);
    }

    [Fact]
    public async Task Token_Success_ReturnsTokenAndExpiryInVietnamTime()
    {
        var officer = await app.OfficerAsync(Role.Leader, "qng-binhson");
        var response = await app.Anonymous().PostAsJsonAsync("/api/v1/auth/token", Credentials(officer.UserName, MotCuaApp.OfficerPassword));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"accessToken\":\"", text, StringComparison.Ordinal);
        Assert.Matches("\"expiresAt\":\"\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?\\+07:00\"", text);
    }

    [Fact]
    public async Task Administrator_WithoutSecondFactor_GetsATokenForEnrolmentOnly()
    {
        var unitId = await app.UnitIdAsync("qng-vantuong");
        var admin = await app.AdminAsync();
        var created = await (await admin.PostAsJsonAsync("/api/v1/officers", new
        {
            userName = "vantuong.quantri",
            fullName = "Quản trị Vạn Tường",
            unitId,
            roles = new[] { new { role = "administrator", unitId } },
        })).ReadAsync<CreatedOfficer>();

        var pending = await app.SignedInClientAsync("vantuong.quantri", created.InitialPassword, null);
        var account = await pending.GetFromJsonAsync<AccountBody>("/api/v1/account");
        Assert.True(account!.TotpEnrolmentRequired);
        Assert.True(account.PasswordChangeRequired);
        await (await pending.GetAsync("/api/v1/units")).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task Administrator_AfterEnrolment_NeedsAValidUnusedCode()
    {
        var admin = await app.OfficerAsync(Role.Administrator, "qng-minhlong");
        var client = app.Anonymous();

        var withoutCode = await client.PostAsJsonAsync("/api/v1/auth/token", Credentials(admin.UserName, MotCuaApp.OfficerPassword));
        await withoutCode.AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        var wrongCode = await client.PostAsJsonAsync("/api/v1/auth/token", Credentials(admin.UserName, MotCuaApp.OfficerPassword, "000000"));
        await wrongCode.AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");

        var code = await app.NextTotpAsync(admin.TotpSecret!);
        var first = await client.PostAsJsonAsync("/api/v1/auth/token", Credentials(admin.UserName, MotCuaApp.OfficerPassword, code));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var replay = await client.PostAsJsonAsync("/api/v1/auth/token", Credentials(admin.UserName, MotCuaApp.OfficerPassword, code));
        await replay.AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
    }

    [Fact]
    public async Task PasswordChange_InvalidatesTokensIssuedBefore()
    {
        var officer = await app.OfficerAsync(Role.Clerk, "qng-binhson");
        Assert.Equal(HttpStatusCode.OK, (await officer.Client.GetAsync("/api/v1/account")).StatusCode);

        var weak = await officer.Client.PostAsJsonAsync("/api/v1/account/password", new { currentPassword = MotCuaApp.OfficerPassword, newPassword = "123" });
        await weak.AssertProblemAsync(HttpStatusCode.BadRequest, "weak_password");
        var changed = await officer.Client.PostAsJsonAsync("/api/v1/account/password", new { currentPassword = MotCuaApp.OfficerPassword, newPassword = "Mat-Khau-Moi-2027" });
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);

        await (await officer.Client.GetAsync("/api/v1/account")).AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        var fresh = await app.SignedInClientAsync(officer.UserName, "Mat-Khau-Moi-2027", null);
        Assert.Equal(HttpStatusCode.OK, (await fresh.GetAsync("/api/v1/account")).StatusCode);
    }

    [Fact]
    public async Task DeactivatedOfficer_LosesAccessAtOnce()
    {
        var officer = await app.OfficerAsync(Role.Specialist, "qng-sonmai");
        var admin = await app.AdminAsync();
        var id = (await officer.Client.GetFromJsonAsync<AccountBody>("/api/v1/account"))!.Id;

        var update = await admin.PutAsJsonAsync($"/api/v1/officers/{id}", new { fullName = "Cán bộ nghỉ việc", unitId = officer.UnitId, isActive = false, roles = Array.Empty<object>() });
        Assert.Equal(HttpStatusCode.OK, update.StatusCode);

        await (await officer.Client.GetAsync("/api/v1/account")).AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        var again = await app.Anonymous().PostAsJsonAsync("/api/v1/auth/token", Credentials(officer.UserName, MotCuaApp.OfficerPassword));
        await again.AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
    }

    private sealed record CreatedOfficer(string InitialPassword);

    private sealed record AccountBody(Guid Id, bool TotpEnrolmentRequired, bool PasswordChangeRequired);
}
