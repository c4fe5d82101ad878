using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Organisation;
using MotCua.Testing;

namespace MotCua.Web.Tests.Organisation;

public sealed class UnitsTests(MotCuaApp app) : IClassFixture<MotCuaApp>
{
    private sealed record UnitBody(Guid Id, Guid? ParentId, string Name, string Kind, string AgencyCode, bool IsActive, int Depth, string PathName);

    [Fact]
    public async Task Create_ThreeLevelTree_ProvinceDistrictCommune()
    {
        var admin = await app.AdminAsync();
        var province = await app.UnitIdAsync("qng");

        var district = await (await admin.PostAsJsonAsync("/api/v1/units",
            new { parentId = province, name = "Huyện Sơn Tịnh", kind = "huyen", agencyCode = "000.40.00.H49" })).ReadAsync<UnitBody>();
        var commune = await (await admin.PostAsJsonAsync("/api/v1/units",
            new { parentId = district.Id, name = "Xã Tịnh Hà", kind = "xa", agencyCode = "000.40.01.H49" })).ReadAsync<UnitBody>();
        var desk = await (await admin.PostAsJsonAsync("/api/v1/units",
            new { parentId = commune.Id, name = "Bộ phận Một cửa Xã Tịnh Hà", kind = "mot_cua", agencyCode = "000.40.02.H49" })).ReadAsync<UnitBody>();

        Assert.Equal(3, desk.Depth);
        Assert.Equal("Tỉnh Quảng Ngãi › Huyện Sơn Tịnh › Xã Tịnh Hà › Bộ phận Một cửa Xã Tịnh Hà", desk.PathName);
        var listed = await admin.GetFromJsonAsync<List<UnitBody>>("/api/v1/units");
        Assert.Contains(listed!, u => u.Id == desk.Id);
    }

    [Fact]
    public async Task Create_InvalidInput_Returns400WithFieldErrorsAndWritesNothing()
    {
        var admin = await app.AdminAsync();
        var parent = await app.UnitIdAsync("qng");
        var before = await app.WithDbAsync(db => db.Units.CountAsync());

        var response = await admin.PostAsJsonAsync("/api/v1/units", new { parentId = parent, name = " ", kind = "khong_co", agencyCode = "H49" });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("name", out _));
        Assert.True(errors.TryGetProperty("kind", out _));
        Assert.True(errors.TryGetProperty("agencyCode", out _));
        Assert.Equal(before, await app.WithDbAsync(db => db.Units.CountAsync()));
    }

    [Fact]
    public async Task Create_DuplicateAgencyCode_Returns409()
    {
        var admin = await app.AdminAsync();
        var parent = await app.UnitIdAsync("qng");
        var response = await admin.PostAsJsonAsync("/api/v1/units", new { parentId = parent, name = "Trùng mã", kind = "so", agencyCode = "000.00.02.H49" });
        await response.AssertProblemAsync(HttpStatusCode.Conflict, "agency_code_taken");
    }

    [Fact]
    public async Task Update_MoveCarriesTheSubtreeAndRefusesCycles()
    {
        var admin = await app.AdminAsync();
        var province = await app.UnitIdAsync("qng");
        var district = await (await admin.PostAsJsonAsync("/api/v1/units",
            new { parentId = province, name = "Huyện Tư Nghĩa", kind = "huyen", agencyCode = "000.41.00.H49" })).ReadAsync<UnitBody>();
        var commune = await app.UnitIdAsync("qng-sonmai");
        var desk = await app.UnitIdAsync("qng-sonmai-motcua");

        var moved = await admin.PutAsJsonAsync($"/api/v1/units/{commune}",
            new { parentId = district.Id, name = "Xã Sơn Mai", kind = "xa", agencyCode = "000.25.00.H49", isActive = true });
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        var deskAfter = await admin.GetFromJsonAsync<UnitBody>($"/api/v1/units/{desk}");
        Assert.Equal(3, deskAfter!.Depth);
        Assert.StartsWith("Tỉnh Quảng Ngãi › Huyện Tư Nghĩa › Xã Sơn Mai", deskAfter.PathName, StringComparison.Ordinal);

        var cycle = await admin.PutAsJsonAsync($"/api/v1/units/{district.Id}",
            new { parentId = desk, name = "Huyện Tư Nghĩa", kind = "huyen", agencyCode = "000.41.00.H49", isActive = true });
        await cycle.AssertProblemAsync(HttpStatusCode.BadRequest, "unit_cycle");
    }

    [Fact]
    public async Task Officer_SeesOnlyTheUnitsOfTheirSubtree()
    {
        var officer = await app.OfficerAsync(Role.Specialist, "qng-binhchuong");
        var units = await officer.Client.GetFromJsonAsync<List<UnitBody>>("/api/v1/units");

        Assert.NotEmpty(units!);
        Assert.All(units!, u => Assert.Contains("Bình Chương", u.PathName, StringComparison.Ordinal));
        var outside = await app.UnitIdAsync("qng-vantuong");
        await (await officer.Client.GetAsync($"/api/v1/units/{outside}")).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task CommuneAdministrator_CannotCreateUnitsElsewhere()
    {
        var admin = await app.OfficerAsync(Role.Administrator, "qng-camthanh");
        var inside = await admin.Client.PostAsJsonAsync("/api/v1/units",
            new { parentId = admin.UnitId, name = "Tổ một cửa lưu động", kind = "mot_cua", agencyCode = "000.26.09.H49" });
        Assert.Equal(HttpStatusCode.Created, inside.StatusCode);

        var province = await app.UnitIdAsync("qng");
        var outside = await admin.Client.PostAsJsonAsync("/api/v1/units",
            new { parentId = province, name = "Sở mới", kind = "so", agencyCode = "000.00.39.H49" });
        await outside.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }
}
