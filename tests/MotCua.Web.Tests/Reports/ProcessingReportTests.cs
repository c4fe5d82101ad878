using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;
using MotCua.Core.Common;
using MotCua.Core.Documents;
using MotCua.Core.Reports;
using MotCua.Domain.Organisation;
using MotCua.Domain.Reports;
using MotCua.Testing;

namespace MotCua.Web.Tests.Reports;

/// <summary>The processing report (form 06) through the API: figures, identities, carried-over dossiers, the Excel and PDF forms.</summary>
public sealed class ProcessingReportTests(DossierApp app) : IClassFixture<DossierApp>
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    [Fact]
    public async Task Report_CountsTheDaysDossiers_ThenCarriesTheUnfinishedOnesIntoTheNextPeriod()
    {
        var staff = await app.StaffAsync();
        var commune = await app.UnitIdAsync(DossierApp.Commune);

        // Monday 23/11/2026: four dossiers received at the desk.
        var resolved = (await staff.Reception.ReceiveAsync(await app.ReceptionAsync())).Code();
        var withdrawn = (await staff.Reception.ReceiveAsync(await app.ReceptionAsync())).Code();
        var waiting = (await staff.Reception.ReceiveAsync(await app.ReceptionAsync())).Code();
        var open = (await staff.Reception.ReceiveAsync(await app.ReceptionAsync(channel: "postal"))).Code();

        await staff.Reception.DoAsync(resolved, "transfer");
        await staff.Specialist.DoAsync(resolved, "claim");
        await staff.Specialist.DoAsync(resolved, "transfer");
        await staff.Leader.DoAsync(resolved, "approve");
        await staff.Clerk.DoAsync(resolved, "seal", new { resultNumber = "12/GXN" });
        await staff.Reception.DoAsync(resolved, "return-result", new { method = "desk" });
        await staff.Reception.DoAsync(withdrawn, "withdraw", new { reason = "Người nộp xin rút" });
        await staff.Reception.DoAsync(waiting, "request-supplement", new { missingItems = new[] { "Bản sao giấy khai sinh" } });

        var leader = staff.Leader.Client;
        var day = await leader.GetFromJsonAsync<JsonElement>($"/api/v1/reports/processing?unitId={commune}&from=2026-11-23&to=2026-11-23");
        Assert.Equal("Xã Bình Sơn", day.GetProperty("unitName").GetString());
        Assert.Equal((4, 0, 4, 0), Received(day));
        Assert.Equal((2, 2, 0, 0), Resolved(day)); // both finished days before their due date: early
        Assert.Equal((2, 2, 0), InProgress(day));
        Assert.Equal(1, day.GetProperty("returnedForSupplement").GetInt32());
        Assert.Equal(1, day.GetProperty("withdrawn").GetInt32());

        // A week later the two unfinished dossiers are carried over; the one whose due moment passed is overdue.
        app.Time.Advance(TimeSpan.FromDays(7));
        staff = await app.SignInAgainAsync(staff);
        leader = staff.Leader.Client;
        var periodEnd = new DateTimeOffset(2026, 12, 1, 0, 0, 0, Vietnam);
        var overdue = 0;
        foreach (var code in new[] { waiting, open })
        {
            var due = (await staff.Reception.GetDossierAsync(code)).Instant("dueAt");
            overdue += due is { } d && d <= periodEnd ? 1 : 0;
        }
        Assert.Equal(1, overdue); // the open one (due Friday 27/11); the clock of the one awaiting a supplement is stopped
        var week = await leader.GetFromJsonAsync<JsonElement>($"/api/v1/reports/processing?unitId={commune}&from=2026-11-24&to=2026-11-30");
        Assert.Equal((2, 0, 0, 2), Received(week));
        Assert.Equal((0, 0, 0, 0), Resolved(week));
        Assert.Equal((2, 2 - overdue, overdue), InProgress(week));
        Assert.Equal(0, week.GetProperty("returnedForSupplement").GetInt32());

        // The same figures as the official form in Excel, under the unit's name and the period.
        var file = await leader.GetAsync($"/api/v1/reports/processing?unitId={commune}&from=2026-11-24&to=2026-11-30&format=xlsx");
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal(Spreadsheet.ContentType, file.Content.Headers.ContentType?.MediaType);
        var rows = Spreadsheet.ReadFirstSheet(await file.Content.ReadAsStreamAsync());
        Assert.Equal("BÁO CÁO TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH", rows[2][0]);
        Assert.Contains("từ ngày 24/11/2026 đến ngày 30/11/2026", rows[3][0], StringComparison.Ordinal);
        Assert.Equal(["Xã Bình Sơn", "2", "0", "0", "2", "0", "0", "0", "0", "2", $"{2 - overdue}", $"{overdue}", "0", "0"], rows[7].Take(14));
        Assert.Contains("THỦ TRƯỞNG ĐƠN VỊ", rows[10]);

        // And as PDF: one A4 landscape page with the same title, period and figures, in Vietnamese text (not pictures of it).
        var pdf = await leader.GetAsync($"/api/v1/reports/processing?unitId={commune}&from=2026-11-24&to=2026-11-30&format=pdf");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        using var document = UglyToad.PdfPig.PdfDocument.Open(await pdf.Content.ReadAsByteArrayAsync());
        var page = Assert.Single(document.GetPages());
        Assert.True(page.Width > page.Height);
        var words = page.GetWords().Select(w => w.Text).ToList();
        var text = string.Join(' ', words);
        Assert.Contains("BÁO CÁO TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH", text, StringComparison.Ordinal);
        Assert.Contains("từ ngày 24/11/2026 đến ngày 30/11/2026", text, StringComparison.Ordinal);
        Assert.Contains("THỦ TRƯỞNG ĐƠN VỊ", text, StringComparison.Ordinal);
        var row = page.GetWords().Where(w => w.Text.All(char.IsDigit)).OrderBy(w => w.BoundingBox.Left)
            .GroupBy(w => Math.Round(w.BoundingBox.Bottom)).OrderByDescending(g => g.Count()).First().Select(w => w.Text);
        Assert.Equal(["2", "0", "0", "2", "0", "0", "0", "0", "2", $"{2 - overdue}", $"{overdue}", "0", "0"], row);
        await (await leader.GetAsync($"/api/v1/reports/processing?unitId={commune}&from=2026-11-24&to=2026-11-30&format=doc"))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public void WithoutAVietnameseFont_ThePdfIsRefusedWithAClearMessage()
    {
        var writer = new ProcessingReportPdf(Options.Create(new PdfFontOptions { Regular = ["/khong-co/phong-chu.ttf"], Bold = [] }));
        var report = new ProcessingReportView(Guid.NewGuid(), "Xã Bình Sơn", new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30),
            new ReceivedFigures(0, 0, 0, 0), new ResolvedFigures(0, 0, 0, 0), new InProgressFigures(0, 0, 0), 0, 0);
        var refused = Assert.Throws<ProblemException>(() => writer.Write(report, new DateOnly(2026, 12, 1)));
        Assert.Equal((503, "pdf_font_missing"), (refused.Status, refused.Code));
        Assert.Contains("phông chữ", refused.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadPeriodsAndUnits_AreRefusedWithVietnameseMessages()
    {
        var leader = (await app.OfficerAsync(Role.Leader, DossierApp.Commune)).Client;
        var commune = await app.UnitIdAsync(DossierApp.Commune);
        var backwards = await leader.GetAsync($"/api/v1/reports/processing?unitId={commune}&from=2026-11-30&to=2026-11-01");
        var problem = await backwards.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Contains("không trước ngày bắt đầu", problem.GetProperty("errors").GetProperty("to")[0].GetString(), StringComparison.Ordinal);
        await (await leader.GetAsync($"/api/v1/reports/processing?unitId={commune}&from=2025-01-01&to=2026-12-31"))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await leader.GetAsync($"/api/v1/reports/processing?unitId={commune}&from=23/11/2026&to=2026-11-30"))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await leader.GetAsync("/api/v1/reports/processing?from=2026-11-01&to=2026-11-30"))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await leader.GetAsync($"/api/v1/reports/processing?unitId={Guid.NewGuid()}&from=2026-11-01&to=2026-11-30"))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        var specialist = (await app.OfficerAsync(Role.Specialist, DossierApp.Commune)).Client;
        await (await specialist.GetAsync($"/api/v1/reports/processing?unitId={commune}&from=2026-11-01&to=2026-11-30"))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    private static (int, int, int, int) Received(JsonElement report)
    {
        var r = report.GetProperty("received");
        return (r.GetProperty("total").GetInt32(), r.GetProperty("online").GetInt32(), r.GetProperty("directOrPostal").GetInt32(), r.GetProperty("carriedOver").GetInt32());
    }

    private static (int, int, int, int) Resolved(JsonElement report)
    {
        var r = report.GetProperty("resolved");
        return (r.GetProperty("total").GetInt32(), r.GetProperty("early").GetInt32(), r.GetProperty("onTime").GetInt32(), r.GetProperty("late").GetInt32());
    }

    private static (int, int, int) InProgress(JsonElement report)
    {
        var r = report.GetProperty("inProgress");
        return (r.GetProperty("total").GetInt32(), r.GetProperty("withinDeadline").GetInt32(), r.GetProperty("overdue").GetInt32());
    }
}
