using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MotCua.Testing;
using static Microsoft.Playwright.Assertions;

namespace MotCua.Browser.Tests.Dossiers;

/// <summary>The whole journey in the browser: desk receives and prints the receipt, specialist, leader and clerk process, desk returns, citizen looks it up.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DossierJourneyTests(BrowserApp app)
{
    [Fact]
    public async Task Desk_Specialist_Leader_Clerk_Desk_ThenTheCitizenLooksItUp()
    {
        var staff = await app.StaffAsync();

        // The desk: find the procedure the way the applicant says it, fill in, tick the components, receive.
        var desk = await app.NewPageAsync();
        await app.SignInAsync(desk, staff.Reception.UserName, MotCuaApp.OfficerPassword);
        await desk.GotoAsync("/mot-cua/tiep-nhan");
        await desk.GetByLabel("Thủ tục hành chính").FillAsync("xin giấy xác nhận độc thân");
        await desk.GetByRole(AriaRole.Button, new() { Name = "Tìm" }).ClickAsync();
        await desk.Locator("li", new() { HasText = "1.004873" }).GetByRole(AriaRole.Link, new() { Name = "Chọn" }).ClickAsync();
        await Expect(desk.GetByRole(AriaRole.Heading, new() { Name = "Cấp Giấy xác nhận tình trạng hôn nhân" })).ToBeVisibleAsync();
        await desk.GetByLabel("Họ và tên / tên tổ chức").FillAsync("Phạm Thị Lan");
        await desk.GetByLabel("Số định danh cá nhân").FillAsync("051192000456");
        await desk.GetByLabel("Số điện thoại").FillAsync("0905 678 912");
        await desk.GetByLabel("Địa chỉ").FillAsync("Thôn Phước Thiện, xã Bình Sơn");
        await BrowserApp.AssertAccessibleAsync(desk);
        // Missing the required components: refused on the page with the list, nothing received.
        await desk.GetByRole(AriaRole.Button, new() { Name = "Tiếp nhận, in giấy hẹn" }).ClickAsync();
        await Expect(desk.GetByRole(AriaRole.Alert)).ToContainTextAsync("Thiếu thành phần hồ sơ bắt buộc");
        foreach (var box in await desk.Locator("input[type=checkbox][name$='.Submitted']").AllAsync())
        {
            await box.CheckAsync();
        }
        await BrowserApp.ScreenshotAsync(desk, "reception-form");
        await desk.GetByRole(AriaRole.Button, new() { Name = "Tiếp nhận, in giấy hẹn" }).ClickAsync();
        await Expect(desk.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã tiếp nhận hồ sơ 000.21.01.H49-");
        var heading = await desk.GetByRole(AriaRole.Heading, new() { Level = 1 }).TextContentAsync();
        var code = Regex.Match(heading!, @"000\.21\.01\.H49-\d{6}-\d{4}").Value;
        Assert.NotEmpty(code);

        await desk.GetByRole(AriaRole.Link, new() { Name = "In giấy tiếp nhận và hẹn trả (mẫu 01)" }).ClickAsync();
        await Expect(desk.Locator(".paper-a5")).ToContainTextAsync(code);
        await Expect(desk.Locator(".paper-a5")).ToContainTextAsync("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ");
        await Expect(desk.GetByRole(AriaRole.Img, new() { Name = $"Mã QR tra cứu hồ sơ Mã hồ sơ: {code}" })).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(desk, "form-01-receipt");
        await BrowserApp.AssertAccessibleAsync(desk);
        await desk.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(desk.Locator(".bo-header")).ToBeHiddenAsync();
        await desk.PdfAsync(new() { Path = Path.Combine(Path.GetTempPath(), "mau-01.pdf"), PreferCSSPageSize = true });
        await desk.EmulateMediaAsync(new() { Media = Media.Screen });
        await desk.GotoAsync($"/mot-cua/ho-so/{code}");
        await ActAsync(desk, "Chuyển bước xử lý");
        await desk.Context.CloseAsync();

        // The specialist finds it among the unassigned, claims it, proposes.
        var specialist = await app.NewPageAsync();
        await app.SignInAsync(specialist, staff.Specialist.UserName, MotCuaApp.OfficerPassword);
        await specialist.GotoAsync("/mot-cua/ho-so?view=unassigned");
        await BrowserApp.AssertAccessibleAsync(specialist);
        await BrowserApp.ScreenshotAsync(specialist, "work-queue");
        await specialist.GetByRole(AriaRole.Link, new() { Name = code }).ClickAsync();
        await ActAsync(specialist, "Nhận xử lý");
        await ActAsync(specialist, "Chuyển bước xử lý", note: "Đủ điều kiện, đề xuất cấp giấy xác nhận");
        await specialist.Context.CloseAsync();

        // The leader approves; the clerk numbers and seals.
        var leader = await app.NewPageAsync();
        await app.SignInAsync(leader, staff.Leader.UserName, MotCuaApp.OfficerPassword);
        await leader.GotoAsync($"/mot-cua/ho-so/{code}");
        await ActAsync(leader, "Phê duyệt");
        await leader.Context.CloseAsync();
        var clerk = await app.NewPageAsync();
        await app.SignInAsync(clerk, staff.Clerk.UserName, MotCuaApp.OfficerPassword);
        await clerk.GotoAsync($"/mot-cua/ho-so/{code}");
        await clerk.Locator("summary", new() { HasText = "Vào sổ, đóng dấu" }).ClickAsync();
        await clerk.GetByLabel("Số, ký hiệu văn bản kết quả").FillAsync("215/GXN-UBND");
        await clerk.GetByRole(AriaRole.Button, new() { Name = "Xác nhận: vào sổ, đóng dấu" }).ClickAsync();
        await Expect(clerk.Locator(".badge", new() { HasText = "Đã có kết quả, chờ trả" })).ToBeVisibleAsync();
        await clerk.Context.CloseAsync();

        // The desk returns the result; form 05 shows every hand-off.
        var back = await app.NewPageAsync();
        await app.SignInAsync(back, staff.Reception.UserName, MotCuaApp.OfficerPassword);
        await back.GotoAsync($"/mot-cua/ho-so/{code}");
        await ActAsync(back, "Trả kết quả");
        await Expect(back.Locator(".badge", new() { HasText = "Đã trả kết quả" })).ToBeVisibleAsync();
        await Expect(back.Locator("table", new() { HasText = "Hoàn thành" }).Locator("tbody tr")).ToHaveCountAsync(5);
        await BrowserApp.ScreenshotAsync(back, "dossier-returned-form-05");
        await BrowserApp.AssertAccessibleAsync(back);
        await back.GotoAsync($"/mot-cua/ho-so/{code}/phieu/05");
        await Expect(back.Locator(".paper-a4")).ToContainTextAsync("PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ");
        await BrowserApp.ScreenshotAsync(back, "form-05");
        await back.Context.CloseAsync();

        // The citizen, on a phone, with the code and the last four digits of the phone.
        var citizen = await app.NewPageAsync(BrowserApp.Phone);
        await citizen.GotoAsync($"/tra-cuu-ho-so?ma={code}");
        await Expect(citizen.GetByLabel("Mã hồ sơ")).ToHaveValueAsync(code);
        await citizen.GetByLabel("4 số cuối điện thoại").FillAsync("8912");
        await citizen.GetByRole(AriaRole.Button, new() { Name = "Tra cứu" }).ClickAsync();
        await Expect(citizen.Locator("section", new() { HasText = code })).ToContainTextAsync("Đã trả kết quả");
        await Expect(citizen.GetByText("Phạm Thị Lan")).ToHaveCountAsync(0);
        await BrowserApp.ScreenshotAsync(citizen, "citizen-lookup-phone");
        await BrowserApp.AssertAccessibleAsync(citizen);
        await citizen.GetByLabel("4 số cuối điện thoại").FillAsync("0000");
        await citizen.GetByRole(AriaRole.Button, new() { Name = "Tra cứu" }).ClickAsync();
        await Expect(citizen.GetByRole(AriaRole.Alert)).ToContainTextAsync("Không tìm thấy hồ sơ");
        await citizen.Context.CloseAsync();
        Assert.Empty(app.CspViolations);
    }

    /// <summary>Opens an action's panel on the dossier page, optionally writes a note, confirms, and waits for the confirmation.</summary>
    private static async Task ActAsync(IPage page, string action, string? note = null)
    {
        var panel = page.Locator("details", new() { Has = page.Locator("summary", new() { HasText = action }) });
        if (await panel.GetAttributeAsync("open") is null)
        {
            await panel.Locator("summary").ClickAsync();
        }
        if (note is not null)
        {
            await panel.GetByLabel("Ghi chú").FillAsync(note);
        }
        await panel.GetByRole(AriaRole.Button, new() { Name = $"Xác nhận: {action.ToLowerInvariant()}" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Đã thực hiện: {action}");
    }
}
