using System.Net;
using System.Net.Http.Json;
using MotCua.Domain.Organisation;
using MotCua.Testing;

namespace MotCua.Web.Tests.Identity;

public sealed class OfficersTests(MotCuaApp app) : IClassFixture<MotCuaApp>
{
    private sealed record Grant(string Role, Guid UnitId, string RoleName);

    private sealed record OfficerBody(Guid Id, string UserName, string FullName, Guid UnitId, bool IsActive, bool MustChangePassword, List<Grant> Roles);

    private sealed record Created(OfficerBody Officer, string InitialPassword);

    private sealed record PageBody(List<OfficerBody> Items, int Total);

    [Fact]
    public async Task Create_ReturnsAGeneratedPasswordThatMustBeChanged()
    {
        var admin = await app.AdminAsync();
        var desk = await app.UnitIdAsync("qng-binhson-motcua");
        var commune = await app.UnitIdAsync("qng-binhson");

        var response = await admin.PostAsJsonAsync("/api/v1/officers", new
        {
            userName = "binhson.tiepnhan9",
            fullName = "  Nguyễn   Văn An ",
            phone = "0905123456",
            unitId = desk,
            roles = new[] { new { role = "reception", unitId = commune } },
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.ReadAsync<Created>();
        Assert.Equal("Nguyễn Văn An", created.Officer.FullName);
        Assert.True(created.Officer.MustChangePassword);
        Assert.True(created.InitialPassword.Length >= 12);
        Assert.Equal("reception", Assert.Single(created.Officer.Roles).Role);

        var firstSession = await app.SignedInClientAsync("binhson.tiepnhan9", created.InitialPassword, null);
        await (await firstSession.GetAsync("/api/v1/units")).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        var changed = await firstSession.PostAsJsonAsync("/api/v1/account/password", new { currentPassword = created.InitialPassword, newPassword = "Tiep-Nhan-Binh-Son-1" });
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        var fullSession = await app.SignedInClientAsync("binhson.tiepnhan9", "Tiep-Nhan-Binh-Son-1", null);
        Assert.Equal(HttpStatusCode.OK, (await fullSession.GetAsync("/api/v1/units")).StatusCode);
    }

    [Fact]
    public async Task Create_BadInput_Returns400AndDuplicateReturns409()
    {
        var admin = await app.AdminAsync();
        var unit = await app.UnitIdAsync("qng-stp");

        var bad = await admin.PostAsJsonAsync("/api/v1/officers", new { userName = "Tên Có Dấu", fullName = "", email = "khong-phai-email", phone = "12ab", unitId = unit, roles = new[] { new { role = "vua", unitId = unit } } });
        var problem = await bad.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        foreach (var field in new[] { "userName", "fullName", "email", "phone", "roles[0].role" })
        {
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), field);
        }

        var first = await admin.PostAsJsonAsync("/api/v1/officers", new { userName = "stp.trung", fullName = "Cán bộ A", unitId = unit, roles = Array.Empty<object>() });
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var duplicate = await admin.PostAsJsonAsync("/api/v1/officers", new { userName = "STP.Trung", fullName = "Cán bộ B", unitId = unit, roles = Array.Empty<object>() });
        await duplicate.AssertProblemAsync(HttpStatusCode.Conflict, "user_name_taken");
    }

    [Fact]
    public async Task CommuneAdministrator_ManagesOnlyTheirCommune()
    {
        var admin = await app.OfficerAsync(Role.Administrator, "qng-nghialo");
        var inside = await app.UnitIdAsync("qng-nghialo-motcua");
        var outside = await app.UnitIdAsync("qng-binhson");

        var ok = await admin.Client.PostAsJsonAsync("/api/v1/officers", new { userName = "nghialo.motcua1", fullName = "Cán bộ Nghĩa Lộ", unitId = inside, roles = new[] { new { role = "reception", unitId = inside } } });
        Assert.Equal(HttpStatusCode.Created, ok.StatusCode);

        var grantOutside = await admin.Client.PostAsJsonAsync("/api/v1/officers", new { userName = "nghialo.motcua2", fullName = "Cán bộ lấn quyền", unitId = inside, roles = new[] { new { role = "leader", unitId = outside } } });
        await grantOutside.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");

        var page = await admin.Client.GetFromJsonAsync<PageBody>("/api/v1/officers?pageSize=200");
        Assert.All(page!.Items, o => Assert.NotEqual(outside, o.UnitId));
        Assert.Contains(page.Items, o => o.UserName == "nghialo.motcua1");
    }

    [Fact]
    public async Task ResetPasswordAndUnlock_WorkAndAreAudited()
    {
        var officer = await app.OfficerAsync(Role.Specialist, "qng-stp");
        var admin = await app.AdminAsync();
        var id = (await admin.GetFromJsonAsync<PageBody>($"/api/v1/officers?q={officer.UserName}"))!.Items.Single().Id;

        var reset = await (await admin.PostAsync($"/api/v1/officers/{id}/reset-password", null)).ReadAsync<Created>();
        Assert.True(reset.Officer.MustChangePassword);
        await (await officer.Client.GetAsync("/api/v1/account")).AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        Assert.NotNull(await app.SignedInClientAsync(officer.UserName, reset.InitialPassword, null));

        var unlocked = await admin.PostAsync($"/api/v1/officers/{id}/unlock", null);
        Assert.Equal(HttpStatusCode.OK, unlocked.StatusCode);
        var audit = await admin.GetStringAsync($"/api/v1/audit?targetId={id}");
        Assert.Contains("officer.reset_password", audit, StringComparison.Ordinal);
        Assert.Contains("officer.unlock", audit, StringComparison.Ordinal);
    }
}
