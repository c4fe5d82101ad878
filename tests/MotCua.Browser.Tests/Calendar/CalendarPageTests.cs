using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MotCua.Domain.Organisation;
using MotCua.Testing;
using static Microsoft.Playwright.Assertions;

namespace MotCua.Browser.Tests.Calendar;

[Collection(BrowserCollection.Name)]
public sealed class CalendarPageTests(BrowserApp app)
{
    [Fact]
    public async Task ProvinceAdministrator_SeesTheYearWithLunarDates_AndAnnouncesADayOff()
    {
        var admin = await app.OfficerAsync(Role.Administrator, "qng");
        var page = await app.NewPageAsync();
        await app.SignInAsync(page, admin.UserName, MotCuaApp.OfficerPassword, admin.TotpSecret);

        await page.GotoAsync("/mot-cua/lich?nam=2026");
        await Expect(page.GetByText("Theo thông báo đã công bố")).ToBeVisibleAsync();
        var november = page.GetByRole(AriaRole.Table, new() { Name = "Tháng 11/2026" });
        var cultureDay = november.Locator("td.day-off", new() { HasText = "24" });
        await Expect(cultureDay).ToHaveAttributeAsync("title", "Âm lịch 16/10 – Ngày Văn hóa Việt Nam");
        await Expect(november.Locator("td", new() { HasText = "1/10" })).ToHaveCountAsync(1);
        await BrowserApp.ScreenshotAsync(page, "calendar-2026-desktop");
        await BrowserApp.AssertAccessibleAsync(page);

        // 2031 has no announcement yet: the computed default is shown, then an extra day off is announced.
        await page.GotoAsync("/mot-cua/lich?nam=2031");
        await Expect(page.GetByText("Tính theo quy định")).ToBeVisibleAsync();
        var dates = page.Locator("input[id^=row-date-]");
        var emptyIndex = await dates.EvaluateAllAsync<int>("inputs => inputs.findIndex(i => i.value === '')");
        await dates.Nth(emptyIndex).FillAsync("2031-09-01");
        await page.Locator("input[id^=row-name-]").Nth(emptyIndex).FillAsync("Quốc khánh (ngày liền kề)");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu lịch năm 2031" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã lưu lịch nghỉ năm 2031");
        await Expect(page.GetByText("Theo thông báo đã công bố")).ToBeVisibleAsync();
        var september = page.GetByRole(AriaRole.Table, new() { Name = "Tháng 9/2031" });
        await Expect(september.Locator("td.day-off", new() { HasText = "1" }).First).ToHaveAttributeAsync("title", new Regex("Quốc khánh \\(ngày liền kề\\)"));
        await page.Context.CloseAsync();
        Assert.Empty(app.CspViolations);
    }

    [Fact]
    public async Task UnitWorkingHours_PageIsAccessible()
    {
        var admin = await app.OfficerAsync(Role.Administrator, "qng-sonmai");
        var page = await app.NewPageAsync(BrowserApp.Phone);
        await app.SignInAsync(page, admin.UserName, MotCuaApp.OfficerPassword, admin.TotpSecret);
        await page.GotoAsync($"/mot-cua/don-vi/{admin.UnitId}/gio-lam-viec");
        await page.GetByLabel("Thứ Bảy, sáng từ").FillAsync("07:30");
        await page.GetByLabel("Thứ Bảy, sáng đến").FillAsync("11:30");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu giờ làm việc riêng" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã lưu giờ làm việc");
        await Expect(page.GetByText("Giờ làm việc riêng của đơn vị")).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, "working-hours-phone");
        await BrowserApp.AssertAccessibleAsync(page);
        await page.Context.CloseAsync();
    }
}
