using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MotCua.Domain.Organisation;
using MotCua.Testing;

namespace MotCua.Web.Tests.Calendar;

public sealed class CalendarApiTests(MotCuaApp app) : IClassFixture<MotCuaApp>
{
    private sealed record Due(DateTimeOffset DueAt);

    private static async Task<string> DueTextAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync("/api/v1/calendar/due?" + query);
        var json = await response.ReadAsync<JsonElement>();
        return json.GetProperty("due").GetString()!;
    }

    [Fact]
    public async Task Due_DomainExample_IsFridayNineInVietnamTime()
    {
        var client = app.Anonymous();
        Assert.Equal("2026-11-27T09:00:00+07:00", await DueTextAsync(client, "start=2026-11-23T09:00:00&value=3&unit=working_days"));
        // The same instant given in UTC.
        Assert.Equal("2026-11-27T09:00:00+07:00", await DueTextAsync(client, "start=2026-11-23T02:00:00Z&value=3&unit=working_days"));
        Assert.Equal("2026-11-25T17:00:00+07:00", await DueTextAsync(client, "start=2026-11-24T10:00:00&value=0&unit=working_days"));
        Assert.Equal("2026-11-30T17:00:00+07:00", await DueTextAsync(client, "start=2026-11-23T09:00:00&value=5&unit=days"));
        Assert.Equal("2026-11-23T11:30:00+07:00", await DueTextAsync(client, "start=2026-11-23T09:00:00&value=2.5&unit=working_hours"));
        Assert.Equal("2026-11-23T14:30:00+07:00", await DueTextAsync(client, "start=2026-11-23T09:00:00&value=3.5&unit=working_hours"));
    }

    [Theory]
    [InlineData("start=2026-11-23T09:00:00&value=-1&unit=working_days", "value")]
    [InlineData("start=2026-11-23T09:00:00&value=3&unit=weeks", "unit")]
    [InlineData("start=hom-qua&value=3&unit=working_days", "start")]
    [InlineData("value=3&unit=working_days", "start")]
    [InlineData("start=2026-11-23T09:00:00&value=ba&unit=working_days", "value")]
    [InlineData("start=2026-11-23T09:00:00&value=1.5&unit=days", "value")]
    [InlineData("start=2026-11-23T09:00:00&value=3&unit=working_days&unitId=khong-co", "unitId")]
    public async Task Due_BadInput_Returns400WithTheFieldInError(string query, string field)
    {
        var response = await app.Anonymous().GetAsync("/api/v1/calendar/due?" + query);
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), field);
    }

    [Fact]
    public async Task Days_ListWorkingDaysHolidaysAndLunarDates()
    {
        var body = await app.Anonymous().GetFromJsonAsync<JsonElement>("/api/v1/calendar/days?from=2026-11-01&to=2026-11-30");
        var days = body.GetProperty("days").EnumerateArray().ToList();
        Assert.Equal(30, days.Count);
        var cultureDay = days.Single(d => d.GetProperty("date").GetString() == "2026-11-24");
        Assert.False(cultureDay.GetProperty("isWorkingDay").GetBoolean());
        Assert.Equal("Ngày Văn hóa Việt Nam", cultureDay.GetProperty("name").GetString());
        Assert.Equal("16/10", cultureDay.GetProperty("lunarDate").GetString());
        var sunday = days.Single(d => d.GetProperty("date").GetString() == "2026-11-29");
        Assert.Equal("weekend", sunday.GetProperty("kind").GetString());
        // 30 days − 9 weekend days − 24/11.
        Assert.Equal(20, days.Count(d => d.GetProperty("isWorkingDay").GetBoolean()));
    }

    [Theory]
    [InlineData("from=2026-01-01&to=2027-01-02", "to")]
    [InlineData("from=2026-12-01&to=2026-11-01", "to")]
    [InlineData("from=01/11/2026&to=2026-11-30", "from")]
    public async Task Days_BadRange_Returns400(string query, string field)
    {
        var response = await app.Anonymous().GetAsync("/api/v1/calendar/days?" + query);
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), field);
    }

    [Fact]
    public async Task YearTable_SavedByTheProvinceAdministrator_ChangesDeadlinesAndIsAudited()
    {
        var admin = await app.AdminAsync();
        var computed = await admin.GetFromJsonAsync<JsonElement>("/api/v1/calendar/years/2027");
        Assert.Equal("computed", computed.GetProperty("source").GetString());
        Assert.Equal("2027-01-05T09:00:00+07:00", await DueTextAsync(app.Anonymous(), "start=2027-01-04T09:00:00&value=1&unit=working_days"));

        // A made-up announcement: Tuesday 5/1/2027 off, Saturday 9/1 worked instead.
        var saved = await admin.PutAsJsonAsync("/api/v1/calendar/years/2027", new
        {
            daysOff = new[] { new { date = "2027-01-01", name = "Tết Dương lịch" }, new { date = "2027-01-05", name = "Nghỉ hoán đổi" } },
            makeUpWorkdays = new[] { new { date = "2027-01-09", name = "Làm bù cho ngày 05/01" } },
        });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal("announced", (await saved.ReadAsync<JsonElement>()).GetProperty("source").GetString());
        Assert.Equal("2027-01-06T09:00:00+07:00", await DueTextAsync(app.Anonymous(), "start=2027-01-04T09:00:00&value=1&unit=working_days"));
        // Fri 16:00–17:00, the make-up Saturday (7.5 h), Mon 07:30 + 1.5 h.
        Assert.Equal("2027-01-11T09:00:00+07:00", await DueTextAsync(app.Anonymous(), "start=2027-01-08T16:00:00&value=10&unit=working_hours"));

        var audit = await admin.GetStringAsync("/api/v1/audit?action=calendar.");
        Assert.Contains("calendar.save_year", audit, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync("/api/v1/calendar/years/2027")).StatusCode);
        Assert.Equal("2027-01-05T09:00:00+07:00", await DueTextAsync(app.Anonymous(), "start=2027-01-04T09:00:00&value=1&unit=working_days"));
    }

    [Fact]
    public async Task YearTable_Invalid_IsRejectedWholeAndNothingIsSaved()
    {
        var admin = await app.AdminAsync();
        var response = await admin.PutAsJsonAsync("/api/v1/calendar/years/2028", new
        {
            daysOff = new[]
            {
                new { date = "2028-01-01", name = "Tết Dương lịch" },
                new { date = "2027-12-31", name = "Sai năm" },
                new { date = "2028-01-01", name = "Trùng" },
                new { date = "31/01/2028", name = "Sai dạng" },
            },
        });
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        var errors = problem.GetProperty("errors");
        Assert.Contains("không thuộc năm 2028", errors.GetProperty("daysOff[1].date")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("trùng", errors.GetProperty("daysOff[2].date")[0].GetString(), StringComparison.Ordinal);
        Assert.True(errors.TryGetProperty("daysOff[3].date", out _));
        var after = await admin.GetFromJsonAsync<JsonElement>("/api/v1/calendar/years/2028");
        Assert.Equal("computed", after.GetProperty("source").GetString());
    }

    [Fact]
    public async Task YearTable_CommuneAdministrator_CannotChangeNationalTables()
    {
        var admin = await app.OfficerAsync(Role.Administrator, "qng-binhson");
        var response = await admin.Client.PutAsJsonAsync("/api/v1/calendar/years/2029", new { daysOff = Array.Empty<object>() });
        await response.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task Import_DryRunReportsWithoutSaving_ThenImportsAndExportsTheSameDays()
    {
        var admin = await app.AdminAsync();
        var document = new
        {
            timeZone = "Asia/Ho_Chi_Minh",
            years = new Dictionary<string, object>
            {
                ["2030"] = new
                {
                    daysOff = new[] { new { date = "2030-01-01", name = "Tết Dương lịch" }, new { date = "2030-02-01", name = "Tết Nguyên đán" } },
                    makeUpWorkdays = Array.Empty<object>(),
                },
            },
        };
        var dry = await (await admin.PostAsJsonAsync("/api/v1/calendar/holidays.json?dryRun=true", document)).ReadAsync<JsonElement>();
        Assert.True(dry.GetProperty("dryRun").GetBoolean());
        Assert.Equal("added", dry.GetProperty("years")[0].GetProperty("action").GetString());
        Assert.Equal("computed", (await admin.GetFromJsonAsync<JsonElement>("/api/v1/calendar/years/2030")).GetProperty("source").GetString());

        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync("/api/v1/calendar/holidays.json", document)).StatusCode);
        var exported = await admin.GetFromJsonAsync<JsonElement>("/api/v1/calendar/holidays.json");
        var days = exported.GetProperty("years").GetProperty("2030").GetProperty("daysOff").EnumerateArray().Select(d => d.GetProperty("date").GetString()).ToList();
        Assert.Equal(["2030-01-01", "2030-02-01"], days);
        Assert.True(exported.GetProperty("years").TryGetProperty("2026", out _), "the shipped 2026 table is seeded");
    }

    [Fact]
    public async Task Import_InvalidYear_RejectsTheWholeFile()
    {
        var admin = await app.AdminAsync();
        var response = await admin.PostAsJsonAsync("/api/v1/calendar/holidays.json", new
        {
            years = new Dictionary<string, object>
            {
                ["2031"] = new { daysOff = new[] { new { date = "2031-01-01", name = "Tết Dương lịch" } } },
                ["2032"] = new { daysOff = new[] { new { date = "2031-05-01", name = "Sai năm" } } },
            },
        });
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty("years.2032.daysOff[0].date", out _));
        Assert.Equal("computed", (await admin.GetFromJsonAsync<JsonElement>("/api/v1/calendar/years/2031")).GetProperty("source").GetString());
    }

    [Fact]
    public async Task UnitWorkingHours_SaturdayMornings_ApplyToTheUnitAndBelow()
    {
        var admin = await app.AdminAsync();
        var commune = await app.UnitIdAsync("qng-minhlong");
        var desk = await app.UnitIdAsync("qng-minhlong-motcua");
        var other = await app.UnitIdAsync("qng-sonmai-motcua");
        var weekday = new[] { new { start = "07:30", end = "11:30" }, new { start = "13:30", end = "17:00" } };
        var set = await admin.PutAsJsonAsync($"/api/v1/units/{commune}/working-hours", new
        {
            sameDayCutoff = "15:00",
            days = new object[]
            {
                new { day = "monday", windows = weekday }, new { day = "tuesday", windows = weekday }, new { day = "wednesday", windows = weekday },
                new { day = "thursday", windows = weekday }, new { day = "friday", windows = weekday },
                new { day = "saturday", windows = new[] { new { start = "07:30", end = "11:30" } } },
            },
        });
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);

        var fridayFour = "start=2026-11-27T16:00:00&value=4&unit=working_hours";
        Assert.Equal("2026-11-28T10:30:00+07:00", await DueTextAsync(app.Anonymous(), $"{fridayFour}&unitId={desk}"));
        Assert.Equal("2026-11-30T10:30:00+07:00", await DueTextAsync(app.Anonymous(), $"{fridayFour}&unitId={other}"));
        var inherited = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/units/{desk}/working-hours");
        Assert.False(inherited.GetProperty("isOwn").GetBoolean());
        Assert.Equal(commune, inherited.GetProperty("inheritedFromUnitId").GetGuid());

        var overlapping = await admin.PutAsJsonAsync($"/api/v1/units/{commune}/working-hours", new
        {
            sameDayCutoff = "15:00",
            days = new[] { new { day = "monday", windows = new[] { new { start = "08:00", end = "12:00" }, new { start = "11:00", end = "17:00" } } } },
        });
        await overlapping.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");

        Assert.Equal(HttpStatusCode.OK, (await admin.DeleteAsync($"/api/v1/units/{commune}/working-hours")).StatusCode);
        Assert.Equal("2026-11-30T10:30:00+07:00", await DueTextAsync(app.Anonymous(), $"{fridayFour}&unitId={desk}"));
    }
}
