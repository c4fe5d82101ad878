using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MotCua.Testing;
using static Microsoft.Playwright.Assertions;

namespace MotCua.Browser.Tests.Foundation;

[Collection(BrowserCollection.Name)]
public sealed class FoundationJourneyTests(BrowserApp app)
{
    [Fact]
    public async Task PortalHome_IsVietnameseAccessibleAndResponsive()
    {
        foreach (var (viewport, name) in new[] { (BrowserApp.Desktop, "desktop"), (BrowserApp.Phone, "phone") })
        {
            var page = await app.NewPageAsync(viewport);
            await page.GotoAsync("/");
            Assert.Equal("vi", await page.GetAttributeAsync("html", "lang"));
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Dịch vụ công");
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Hộ tịch" })).ToBeVisibleAsync();
            await BrowserApp.ScreenshotAsync(page, $"portal-home-{name}");
            await BrowserApp.AssertAccessibleAsync(page);
            await page.Context.CloseAsync();
        }
        Assert.Empty(app.CspViolations);
    }

    [Fact]
    public async Task Administrator_CreatesUnitAndOfficer_WhoThenSignsIn()
    {
        var page = await app.NewPageAsync();

        // The bootstrap administrator signs in and must enrol an authenticator first.
        await app.SignInAsync(page, "admin", MotCuaApp.AdminPassword);
        await Expect(page).ToHaveURLAsync(new Regex("/mot-cua/tai-khoan$"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Tạo mã QR" }).ClickAsync();
        var secret = (await page.Locator("#totp-secret").TextContentAsync())!.Trim();
        await Expect(page.GetByRole(AriaRole.Img, new() { Name = "Mã QR đăng ký ứng dụng xác thực" })).ToBeVisibleAsync();
        await BrowserApp.AssertAccessibleAsync(page);
        await page.GetByLabel("Mã xác thực").FillAsync(await app.NextTotpAsync(secret));
        await page.GetByRole(AriaRole.Button, new() { Name = "Xác nhận và bật" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/mot-cua$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Quản trị hệ thống");
        await BrowserApp.ScreenshotAsync(page, "back-office-desktop");
        await BrowserApp.AssertAccessibleAsync(page);

        // A new one-stop desk under Xã Bình Sơn.
        var commune = await app.UnitIdAsync("qng-binhson");
        await page.GotoAsync("/mot-cua/don-vi");
        await page.GetByLabel("Đơn vị cấp trên").SelectOptionAsync(commune.ToString());
        await page.GetByLabel("Tên đơn vị").FillAsync("Tổ một cửa thôn Đông Yên");
        await page.GetByLabel("Loại đơn vị").SelectOptionAsync("mot_cua");
        await page.GetByLabel("Mã định danh cơ quan").FillAsync("000.21.05.H49");
        await page.GetByRole(AriaRole.Button, new() { Name = "Thêm đơn vị" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã thêm đơn vị");
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "000.21.05.H49" })).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, "units-desktop");
        await BrowserApp.AssertAccessibleAsync(page);
        var unitId = await app.WithDbAsync(db => Task.FromResult(db.Units.Single(u => u.AgencyCode == "000.21.05.H49").Id));

        // An officer of that desk with the reception role there.
        await page.GotoAsync("/mot-cua/can-bo/moi");
        await page.GetByLabel("Tên đăng nhập").FillAsync("dongyen.tiepnhan");
        await page.GetByLabel("Họ và tên").FillAsync("Trương Thị Mỹ Duyên");
        await page.GetByLabel("Đơn vị công tác").SelectOptionAsync(unitId.ToString());
        await page.GetByLabel("Vai trò 1", new() { Exact = true }).SelectOptionAsync("reception");
        await page.GetByLabel("Đơn vị của vai trò 1").SelectOptionAsync(unitId.ToString());
        await BrowserApp.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Tạo tài khoản" }).ClickAsync();
        var password = (await page.Locator("#initial-password").TextContentAsync())!.Trim();
        Assert.True(password.Length >= 12);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng xuất" }).First.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/$"));

        // The officer signs in, must change the first password, then reaches the back office.
        await app.SignInAsync(page, "dongyen.tiepnhan", password);
        await Expect(page).ToHaveURLAsync(new Regex("/mot-cua/tai-khoan$"));
        await page.GetByLabel("Mật khẩu hiện tại").FillAsync(password);
        await page.GetByLabel("Mật khẩu mới").FillAsync("Dong-Yen-Mot-Cua-2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Đổi mật khẩu" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/mot-cua$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Trương Thị Mỹ Duyên");
        await Expect(page.GetByText("Tiếp nhận và trả kết quả tại Tỉnh Quảng Ngãi › Xã Bình Sơn › Tổ một cửa thôn Đông Yên")).ToBeVisibleAsync();
        await page.Context.CloseAsync();

        // The back-office shell at phone width: the menu collapses behind a button.
        var phone = await app.NewPageAsync(BrowserApp.Phone);
        await app.SignInAsync(phone, "dongyen.tiepnhan", "Dong-Yen-Mot-Cua-2026");
        await Expect(phone.GetByRole(AriaRole.Button, new() { Name = "Mở menu chức năng" })).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(phone, "back-office-phone");
        await BrowserApp.AssertAccessibleAsync(phone);
        await phone.Context.CloseAsync();
        Assert.Empty(app.CspViolations);
    }

    [Fact]
    public async Task WrongPassword_ShowsAnErrorWithoutSayingWhichPart()
    {
        var page = await app.NewPageAsync();
        await app.SignInAsync(page, "admin", "khong-dung-mat-khau-1");
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Tên đăng nhập hoặc mật khẩu không đúng.");
        await BrowserApp.AssertAccessibleAsync(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ApiReference_ShowsTheOperationsOfTheOpenApiDocument()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/tai-lieu-api");
        await Expect(page).ToHaveTitleAsync("Tài liệu API – MotCua");
        // The viewer loads /openapi/v1.json and lists its groups: it ran under the page's security policy.
        await Expect(page.GetByText("Tra cứu hồ sơ").First).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await BrowserApp.ScreenshotAsync(page, "api-reference");
        await page.Context.CloseAsync();
        Assert.True(app.CspViolations.Count == 0, string.Join("\n", app.CspViolations));
    }
}
