using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MotCua.Domain.Organisation;
using MotCua.Testing;
using static Microsoft.Playwright.Assertions;

namespace MotCua.Browser.Tests.Catalogue;

[Collection(BrowserCollection.Name)]
public sealed class CatalogueJourneyTests(BrowserApp app)
{
    [Fact]
    public async Task Citizen_FindsBirthRegistration_WithoutDiacriticsAndInEverydayWords()
    {
        var page = await app.NewPageAsync(BrowserApp.Phone);
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Searchbox, new() { Name = "Tìm thủ tục hành chính" }).FillAsync("dang ky khai sinh");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tìm kiếm" }).ClickAsync();
        var first = page.Locator(".procedure-item").First;
        await Expect(first.Locator(".procedure-name")).ToHaveTextAsync("Đăng ký khai sinh");
        await Expect(first.Locator("mark")).ToHaveCountAsync(4);
        await BrowserApp.ScreenshotAsync(page, "catalogue-search-phone");
        await BrowserApp.AssertAccessibleAsync(page);
        await page.Context.CloseAsync();

        var desktop = await app.NewPageAsync();
        await desktop.GotoAsync("/thu-tuc");
        await desktop.GetByRole(AriaRole.Searchbox, new() { Name = "Tìm thủ tục" }).FillAsync("con mới đẻ");
        await desktop.GetByRole(AriaRole.Button, new() { Name = "Tìm kiếm" }).ClickAsync();
        await Expect(desktop.Locator(".procedure-item").First.Locator(".procedure-name")).ToHaveTextAsync("Đăng ký khai sinh");
        await BrowserApp.ScreenshotAsync(desktop, "catalogue-search-desktop");
        await desktop.Locator(".procedure-item").First.Locator(".procedure-name").ClickAsync();
        await Expect(desktop).ToHaveURLAsync(new Regex("/thu-tuc/1.001193$"));
        await Expect(desktop.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Đăng ký khai sinh");
        await Expect(desktop.GetByRole(AriaRole.Heading, new() { Name = "Thành phần hồ sơ" })).ToBeVisibleAsync();
        await Expect(desktop.GetByRole(AriaRole.Heading, new() { Name = "Căn cứ pháp lý" })).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(desktop, "procedure-page-desktop");
        await BrowserApp.AssertAccessibleAsync(desktop);
        await desktop.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(desktop.Locator(".portal-header")).ToBeHiddenAsync();
        await desktop.PdfAsync(new() { Path = Path.Combine(Path.GetTempPath(), "thu-tuc-1.001193.pdf"), Format = "A4" });
        await desktop.Context.CloseAsync();
        Assert.Empty(app.CspViolations);
    }

    [Fact]
    public async Task Editor_ChangesAFee_ControlOfficerAnnounces_PublicPageShowsIt()
    {
        var editor = await app.OfficerAsync(Role.CatalogueEditor, "qng");
        var control = await app.OfficerAsync(Role.ProcedureControl, "qng");
        // A dossier received under the fee in force before the amendment.
        var desk = await app.OfficerAsync(Role.Reception, DossierApp.Desk);
        var before = (await desk.ReceiveAsync(await app.ReceptionAsync("1.000689"))).Code();

        var page = await app.NewPageAsync();
        await app.SignInAsync(page, editor.UserName, MotCuaApp.OfficerPassword);
        await page.GotoAsync("/mot-cua/danh-muc/thu-tuc/1.000689");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tạo dự thảo sửa đổi" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Nội dung dự thảo" })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Mức thu phí 2")).ToHaveValueAsync("10000");
        await page.GetByLabel("Mức thu phí 2").FillAsync("15000");
        await page.GetByLabel("Tóm tắt nội dung sửa đổi").FillAsync("Điều chỉnh lệ phí theo Nghị quyết mới của HĐND tỉnh");
        await BrowserApp.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu dự thảo" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã lưu dự thảo");
        await page.GetByRole(AriaRole.Button, new() { Name = "Gửi kiểm soát" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã gửi kiểm soát");
        await BrowserApp.ScreenshotAsync(page, "catalogue-draft-submitted");
        await page.Context.CloseAsync();

        var review = await app.NewPageAsync();
        await app.SignInAsync(review, control.UserName, MotCuaApp.OfficerPassword);
        await review.GotoAsync("/mot-cua/danh-muc?tab=kiem-soat");
        await review.GetByRole(AriaRole.Link, new() { Name = "Đăng ký khai sinh kết hợp đăng ký nhận cha, mẹ, con" }).ClickAsync();
        await Expect(review.Locator(".fee-amount").Nth(1)).ToHaveTextAsync("15.000 đồng");
        await review.GetByLabel("Số quyết định").FillAsync("2345/QĐ-UBND");
        await review.GetByLabel("Ngày ban hành").FillAsync("2026-11-20");
        await review.GetByLabel("Ngày có hiệu lực").FillAsync("2026-11-23");
        await BrowserApp.AssertAccessibleAsync(review);
        await review.GetByRole(AriaRole.Button, new() { Name = "Công bố" }).ClickAsync();
        await Expect(review.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã công bố thủ tục theo 2345/QĐ-UBND");
        await review.Context.CloseAsync();

        var citizen = await app.NewPageAsync();
        await citizen.GotoAsync("/thu-tuc/1.000689");
        await Expect(citizen.Locator(".fee-amount").Nth(1)).ToHaveTextAsync("15.000 đồng");
        await Expect(citizen.GetByText("Quyết định công bố: 2345/QĐ-UBND", new() { Exact = false })).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(citizen, "procedure-page-new-fee");
        await citizen.Context.CloseAsync();

        // The dossier received before the amendment is still processed under the version it was received with.
        var officer = await app.NewPageAsync();
        await app.SignInAsync(officer, desk.UserName, MotCuaApp.OfficerPassword);
        await officer.GotoAsync($"/mot-cua/ho-so/{before}");
        await Expect(officer.Locator(".dossier-fees")).ToContainTextAsync("10.000 đồng");
        await Expect(officer.Locator(".dossier-fees")).Not.ToContainTextAsync("15.000 đồng");
        await Expect(officer.GetByText("theo phiên bản 1 của thủ tục khi tiếp nhận")).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(officer, "dossier-keeps-old-version");
        await officer.Context.CloseAsync();
        Assert.Empty(app.CspViolations);
    }

    [Fact]
    public async Task Editor_ChecksAnImportFile_AndSeesRowNumberedProblems()
    {
        var editor = await app.OfficerAsync(Role.CatalogueEditor, "qng");
        var page = await app.NewPageAsync();
        await app.SignInAsync(page, editor.UserName, MotCuaApp.OfficerPassword);
        await page.GotoAsync("/mot-cua/danh-muc/nhap-xuat");
        var json = """
            { "procedures": [
              { "code": "1.960001", "name": "Thủ tục nhập thử", "field": "HOTICH", "levels": ["xa"], "agency": "Ủy ban nhân dân cấp xã",
                "processingTime": { "value": 2, "unit": "working_days" }, "onlineLevel": "mot_phan", "components": [ { "name": "Tờ khai", "copies": 1 } ],
                "steps": [ { "name": "Xử lý", "role": "chuyen_vien", "share": 1 } ] },
              { "code": "sai-ma", "name": "", "field": "HOTICH", "levels": ["xa"], "agency": "UBND", "processingTime": { "value": -1 } }
            ] }
            """;
        await page.GetByLabel("Tệp danh mục (.json, .xlsx; tối đa 50 MB)").SetInputFilesAsync(new FilePayload
        {
            Name = "danh-muc.json",
            MimeType = "application/json",
            Buffer = Encoding.UTF8.GetBytes(json),
        });
        await BrowserApp.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Bắt đầu" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Kiểm tra 2 dòng", new() { Timeout = 30_000 });
        await Expect(page.GetByText("Dòng 2: Mã thủ tục \"sai-ma\" không đúng dạng")).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, "catalogue-import-dry-run");
        await BrowserApp.AssertAccessibleAsync(page);
        await page.Context.CloseAsync();
    }
}
