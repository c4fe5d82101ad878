using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using MotCua.Core.Documents;
using MotCua.Domain.Organisation;
using MotCua.Testing;
using static Microsoft.Playwright.Assertions;

namespace MotCua.Browser.Tests.Reports;

/// <summary>A leader reads the unit's 766 index and form 06, drills into the late dossiers and exports the form.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ReportsJourneyTests(BrowserApp app)
{
    private const string Desk = "qng-vantuong-motcua";
    private const string Commune = "qng-vantuong";

    [Fact]
    public async Task Leader_OpensTheDashboard_DrillsIntoLateDossiers_AndExportsForm06()
    {
        // Two dossiers of the commune: one handled quickly, one sent back for supplements twice (late by rule).
        var staff = await app.StaffAsync(Desk, Commune);
        var quick = (await staff.Reception.ReceiveAsync(await app.ReceptionAsync())).Code();
        var twice = (await staff.Reception.ReceiveAsync(await app.ReceptionAsync())).Code();
        for (var i = 0; i < 2; i++)
        {
            await staff.Reception.DoAsync(twice, "request-supplement", new { missingItems = new[] { "Bản sao giấy khai sinh" } });
            await staff.Reception.DoAsync(twice, "supplement");
        }
        foreach (var code in new[] { quick, twice })
        {
            await staff.Reception.DoAsync(code, "transfer");
            await staff.Specialist.DoAsync(code, "claim");
            await staff.Specialist.DoAsync(code, "transfer");
            await staff.Leader.DoAsync(code, "approve");
            await staff.Clerk.DoAsync(code, "seal", new { resultNumber = "20/GXN" });
        }

        var page = await app.NewPageAsync();
        await app.SignInAsync(page, staff.Leader.UserName, MotCuaApp.OfficerPassword);
        await page.GotoAsync("/mot-cua/bao-cao");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Chỉ số phục vụ và báo cáo giải quyết thủ tục hành chính");
        // 2.1: one of the two finished dossiers on time = 10 of 20 points; payment and feedback not applicable.
        var progress = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "2.1 Hồ sơ giải quyết đúng hạn" });
        await Expect(progress).ToContainTextAsync("10,00");
        await Expect(progress).ToContainTextAsync("50%");
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "4.2 Hồ sơ thanh toán trực tuyến" })).ToContainTextAsync("không áp dụng");
        await Expect(page.Locator("#xep-hang tr[aria-current=true]")).ToContainTextAsync("Xã Vạn Tường");
        // The trend: twelve months, this one at 50% on time.
        await Expect(page.Locator("#xu-huong svg a")).ToHaveCountAsync(12);
        await Expect(page.Locator("#xu-huong svg a").Last).ToContainTextAsync("50%");
        await Expect(page.Locator("#chi-tieu tr", new() { HasText = "6.2 Số hóa hồ sơ" })).ToContainTextAsync("Chưa đạt");
        await BrowserApp.ScreenshotAsync(page, "reports-desktop");
        await BrowserApp.AssertAccessibleAsync(page);

        // From the progress points to the dossiers judged late: only the one supplemented twice.
        await progress.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Giải quyết quá hạn");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = twice })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = quick })).ToHaveCountAsync(0);
        await BrowserApp.AssertAccessibleAsync(page);
        await page.GoBackAsync();

        // Form 06 in Excel: the same figures in the official layout.
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Xuất Excel" }).ClickAsync());
        var path = Path.Combine(Path.GetTempPath(), $"form06-{Guid.NewGuid():N}.xlsx");
        await download.SaveAsAsync(path);
        List<string[]> rows;
        await using (var file = File.OpenRead(path))
        {
            rows = Spreadsheet.ReadFirstSheet(file);
        }
        File.Delete(path);
        Assert.Equal("BÁO CÁO TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH", rows[2][0]);
        Assert.Equal(["Xã Vạn Tường", "2", "0", "2", "0", "2", "1", "0", "1", "0", "0", "0", "1", "0"], rows[7].Take(14));

        // And in PDF, kept with the screenshots for people to look at.
        var pdf = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Xuất PDF" }).ClickAsync());
        Assert.EndsWith(".pdf", pdf.SuggestedFilename, StringComparison.Ordinal);
        var pdfPath = Path.Combine(BrowserApp.ArtifactsDirectory(), "form06.pdf");
        await pdf.SaveAsAsync(pdfPath);
        Assert.Equal("%PDF"u8.ToArray(), (await File.ReadAllBytesAsync(pdfPath))[..4]);

        var phone = await app.NewPageAsync(BrowserApp.Phone);
        await app.SignInAsync(phone, staff.Leader.UserName, MotCuaApp.OfficerPassword);
        await phone.GotoAsync("/mot-cua/bao-cao");
        await Expect(phone.GetByTestId("index-total")).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(phone, "reports-phone");
        await BrowserApp.AssertAccessibleAsync(phone);
        await page.Context.CloseAsync();
        await phone.Context.CloseAsync();
        Assert.Empty(app.CspViolations);
    }

    [Fact]
    public async Task Administrator_ChecksAHistoryFile_ThenImportsItsValidLines()
    {
        var admin = await app.OfficerAsync(Role.Administrator, "qng");
        var page = await app.NewPageAsync();
        await app.SignInAsync(page, admin.UserName, MotCuaApp.OfficerPassword, admin.TotpSecret);
        await page.GotoAsync("/mot-cua/nhap-ho-so");
        var good = JsonSerializer.Serialize(new
        {
            sourceId = "CU-000001",
            code = "000.24.01.H49-261002-H0001",
            procedureCode = DossierApp.Procedure,
            receivingAgencyCode = "000.24.01.H49",
            channel = "direct",
            applicant = new { kind = "person", fullName = "Trần Văn Cũ", phone = "0905111222" },
            receivedAt = "2026-10-02T08:30:00+07:00",
            dueAt = "2026-10-07T08:30:00+07:00",
            finishedAt = "2026-10-06T15:00:00+07:00",
            status = "result_ready",
            events = new[] { new { at = "2026-10-02T08:30:00+07:00", action = "receive" } },
        });
        await page.GetByLabel("Tệp hồ sơ (.jsonl; tối đa 25 MB)").SetInputFilesAsync(new FilePayload
        {
            Name = "ho-so-cu.jsonl",
            MimeType = "application/json",
            Buffer = Encoding.UTF8.GetBytes(good + "\n" + good.Replace("CU-000001", "CU-000002", StringComparison.Ordinal).Replace("result_ready", "lost", StringComparison.Ordinal)),
        });
        await BrowserApp.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Bắt đầu" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã kiểm tra 2 dòng", new() { Timeout = 30_000 });
        await Expect(page.GetByText("Dòng 2: Trạng thái \"lost\" không hợp lệ.")).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, "history-import-dry-run");
        await BrowserApp.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Nhập 1 hồ sơ hợp lệ" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã nhập 2 dòng", new() { Timeout = 30_000 });
        await Expect(page.GetByText("Đã nhập: 1")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task CommuneAdministrator_SetsTheCommunesOwnTarget_WithAReason()
    {
        var admin = await app.OfficerAsync(Role.Administrator, "qng-minhlong");
        var page = await app.NewPageAsync();
        await app.SignInAsync(page, admin.UserName, MotCuaApp.OfficerPassword, admin.TotpSecret);
        await page.GotoAsync("/mot-cua/chi-tieu?nam=2027");
        await page.GetByLabel("Chỉ tiêu", new() { Exact = true }).SelectOptionAsync("6.2");
        await page.GetByLabel("Đơn vị").SelectOptionAsync(admin.UnitId.ToString());
        await page.GetByLabel("Tỷ lệ (%)").FillAsync("95");
        // Without a reason: refused, nothing saved.
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("lý do");
        await page.GetByLabel("Lý do (khi đặt riêng)").FillAsync("Xã đã số hóa toàn bộ hồ sơ hộ tịch");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Đã lưu chỉ tiêu.");
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "6.2 Số hóa hồ sơ" })).ToContainTextAsync("Xã Minh Long: 95% — Xã đã số hóa toàn bộ hồ sơ hộ tịch");
        await BrowserApp.ScreenshotAsync(page, "targets");
        await BrowserApp.AssertAccessibleAsync(page);
        await page.Context.CloseAsync();
    }
}
