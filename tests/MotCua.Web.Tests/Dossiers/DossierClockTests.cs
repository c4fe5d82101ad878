using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MotCua.Testing;

namespace MotCua.Web.Tests.Dossiers;

/// <summary>
/// The processing clock on one timeline starting Monday 23/11/2026 09:00, with Tuesday 24/11 a public
/// holiday: suspension carries the remaining working time over, a supplement restarts the count from
/// zero (only within 3 working days of reception), an apology moves the due moment once and only before it.
/// </summary>
public sealed class DossierClockTests(DossierApp app) : IClassFixture<DossierApp>
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    private static DateTimeOffset At(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, Vietnam);

    [Fact]
    public async Task SuspensionSupplementAndApology_MoveTheDueMomentAsTheRulesSay()
    {
        app.Time.SetUtcNow(At(11, 23, 9));
        var staff = await app.StaffAsync();
        var request = await app.ReceptionAsync();
        var suspended = await staff.Reception.ReceiveAsync(request);
        var supplemented = await staff.Reception.ReceiveAsync(request);
        var apologized = await staff.Reception.ReceiveAsync(request);
        var lateApology = await staff.Reception.ReceiveAsync(request);
        var lateSupplement = await staff.Reception.ReceiveAsync(request);
        // Received Monday 09:00, 3 working days, Tuesday off: due Friday 09:00 (DOMAIN.md's own example).
        Assert.All(new[] { suspended, supplemented, apologized, lateApology, lateSupplement },
            d => Assert.Equal(At(11, 27, 9), d.Instant("dueAt")));
        foreach (var dossier in new[] { suspended, supplemented, lateSupplement })
        {
            await staff.Reception.DoAsync(dossier.Code(), "transfer");
        }

        // Wednesday 09:00: 15 working hours are left when the suspension stops the clock.
        app.Time.SetUtcNow(At(11, 25, 9));
        staff = await app.SignInAgainAsync(staff);
        var view = await staff.Specialist.DoAsync(suspended.Code(), "suspend", new { reason = "Chờ người nộp thực hiện nghĩa vụ tài chính" });
        Assert.Equal("suspended", view.Status());
        Assert.Equal("suspended", view.GetProperty("clockState").GetString());
        Assert.Null(view.Instant("dueAt"));
        await (await staff.Specialist.ActAsync(suspended.Code(), "transfer")).AssertProblemAsync(HttpStatusCode.Conflict, "invalid_transition");

        view = await staff.Specialist.DoAsync(supplemented.Code(), "request-supplement", new { missingItems = new[] { "Bản sao giấy khai sinh", "Tờ khai có chữ ký" } });
        Assert.Equal("awaiting_supplement", view.Status());
        Assert.Equal(["Bản sao giấy khai sinh", "Tờ khai có chữ ký"], view.GetProperty("missingItems").EnumerateArray().Select(i => i.GetString()));
        await app.Smtp.WaitForAsync(m => m.Subject == $"Yêu cầu bổ sung hồ sơ {supplemented.Code()}" && m.TextBody!.Contains("Bản sao giấy khai sinh", StringComparison.Ordinal));

        // The apology: only with a reason and a later due moment; once.
        await (await staff.Reception.ActAsync(apologized.Code(), "apologize", new { reason = "Chờ xác minh", newDueAt = At(11, 26, 9) }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        view = await staff.Reception.DoAsync(apologized.Code(), "apologize", new { reason = "Chờ kết quả xác minh của Công an xã", newDueAt = At(12, 4, 17) });
        Assert.Equal(At(12, 4, 17), view.Instant("dueAt"));
        Assert.Equal(At(11, 27, 9), view.Instant("originalDueAt"));
        Assert.True(view.GetProperty("apologized").GetBoolean());
        Assert.True(view.GetProperty("apologyTimely").GetBoolean());
        await (await staff.Reception.ActAsync(apologized.Code(), "apologize", new { reason = "Lần hai", newDueAt = At(12, 10, 17) }))
            .AssertProblemAsync(HttpStatusCode.Conflict, "invalid_transition");
        await app.Smtp.WaitForAsync(m => m.Subject == $"Thư xin lỗi về hồ sơ {apologized.Code()}");
        var form04 = await staff.Reception.Client.GetAsync($"/api/v1/dossiers/{Uri.EscapeDataString(apologized.Code())}/forms/04.docx");
        Assert.Equal(HttpStatusCode.OK, form04.StatusCode);

        // Thursday 10:00: the complete dossier arrives and the count restarts from zero.
        app.Time.SetUtcNow(At(11, 26, 10));
        staff = await app.SignInAgainAsync(staff);
        view = await staff.Reception.DoAsync(supplemented.Code(), "supplement");
        Assert.Equal("in_progress", view.Status());
        Assert.Equal(await CalendarDueAsync(At(11, 26, 10), 3, "working_days"), view.Instant("dueAt"));
        Assert.Equal(At(12, 1, 10), view.Instant("dueAt"));
        // A second request is still inside the window, but makes the dossier count late whatever its finish.
        await staff.Specialist.DoAsync(supplemented.Code(), "request-supplement", new { missingItems = new[] { "Ảnh 4x6" } });
        await staff.Reception.DoAsync(supplemented.Code(), "supplement");

        // Monday 30/11 09:00: the suspended dossier resumes with its 15 working hours.
        app.Time.SetUtcNow(At(11, 30, 9));
        staff = await app.SignInAgainAsync(staff);
        view = await staff.Specialist.DoAsync(suspended.Code(), "resume");
        Assert.Equal("in_progress", view.Status());
        Assert.Equal(await CalendarDueAsync(At(11, 30, 9), 15, "working_hours"), view.Instant("dueAt"));
        Assert.Equal(At(12, 2, 9), view.Instant("dueAt"));

        // Past the 3-working-day window a supplement cannot be requested; past the due moment no apology.
        await (await staff.Specialist.ActAsync(lateSupplement.Code(), "request-supplement", new { missingItems = new[] { "Giấy tờ khác" } }))
            .AssertProblemAsync(HttpStatusCode.Conflict, "invalid_transition");
        await (await staff.Reception.ActAsync(lateApology.Code(), "apologize", new { reason = "Quá tải", newDueAt = At(12, 4, 17) }))
            .AssertProblemAsync(HttpStatusCode.Conflict, "invalid_transition");

        // Finishing before the due moment after two supplement requests still counts late.
        foreach (var (officer, action, body) in new (TestOfficer, string, object)[]
        {
            (staff.Specialist, "transfer", new { }), (staff.Leader, "approve", new { }), (staff.Clerk, "seal", new { resultNumber = "7/GXN" }),
        })
        {
            view = await officer.DoAsync(supplemented.Code(), action, body);
        }
        Assert.Equal("result_ready", view.Status());
        Assert.True(view.Instant("finishedAt") < view.Instant("dueAt"));
        Assert.Equal("late", view.GetProperty("timeliness").GetString());
        Assert.Equal(2, view.GetProperty("supplementRequests").GetInt32());

        // The overdue dossier is flagged in the queue.
        var queue = await staff.Reception.Client.GetFromJsonAsync<JsonElement>("/api/v1/dossiers?view=unit");
        var line = queue.GetProperty("page").GetProperty("items").EnumerateArray().Single(i => i.GetProperty("code").GetString() == lateApology.Code());
        Assert.Equal("overdue", line.GetProperty("urgency").GetString());
    }

    private async Task<DateTimeOffset> CalendarDueAsync(DateTimeOffset start, decimal value, string unit)
    {
        var communeId = await app.UnitIdAsync(DossierApp.Commune);
        var due = await app.Anonymous().GetFromJsonAsync<JsonElement>(
            $"/api/v1/calendar/due?start={Uri.EscapeDataString(start.ToString("O"))}&value={value}&unit={unit}&unitId={communeId}");
        return due.GetProperty("due").GetDateTimeOffset();
    }
}
