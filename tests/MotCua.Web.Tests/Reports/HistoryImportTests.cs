using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Core.Reports;
using MotCua.Testing;

namespace MotCua.Web.Tests.Reports;

/// <summary>
/// Importing the previous system's history (JSON lines): per-line errors, dry run, idempotency on the source id;
/// and 5,000 generated dossiers whose form 06 figures and 766 ratios, computed here independently from the same
/// generated events, equal what the reports return.
/// </summary>
public sealed class HistoryImportTests(DossierApp app) : IClassFixture<DossierApp>
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);
    private static readonly DateTimeOffset PeriodStart = new(2026, 10, 1, 0, 0, 0, Vietnam);
    private static readonly DateTimeOffset PeriodEnd = new(2026, 11, 1, 0, 0, 0, Vietnam);
    private const string Desk = "000.21.01.H49";
    private const string Commune = "000.21.00.H49";

    private sealed record Generated(
        string SourceId, string Channel, string Status, DateTimeOffset ReceivedAt, DateTimeOffset? DueAt, DateTimeOffset? FinishedAt,
        string? ReturnMethod, IReadOnlyList<DateTimeOffset> SupplementRequests);

    private static List<Generated> Generate(int count)
    {
        var random = new Random(766);
        var first = new DateTimeOffset(2026, 8, 1, 8, 0, 0, Vietnam);
        var list = new List<Generated>(count);
        string[] channels = ["direct", "direct", "online", "postal"];
        for (var i = 0; i < count; i++)
        {
            var received = first.AddDays(random.Next(0, 110)).AddMinutes(random.Next(0, 540));
            var due = received.AddDays(random.Next(1, 21)).AddHours(random.Next(0, 8));
            var supplements = Enumerable.Range(0, random.Next(0, 10) switch { < 7 => 0, < 9 => 1, _ => 2 })
                .Select(k => received.AddDays(k + 1).AddHours(1)).ToList();
            var outcome = random.Next(0, 10);
            var finished = received.AddDays(random.Next(0, 26)).AddHours(random.Next(0, 9));
            var (status, finishedAt) = outcome switch
            {
                < 5 => ("returned", (DateTimeOffset?)finished),
                5 => ("result_ready", finished),
                6 => ("withdrawn", finished),
                7 => ("stopped", finished),
                8 => ("in_progress", null),
                _ => supplements.Count > 0 ? ("awaiting_supplement", null) : ("in_progress", (DateTimeOffset?)null),
            };
            if (finishedAt > MotCuaApp.Start)
            {
                (status, finishedAt) = ("in_progress", null);
            }
            // Supplement requests happen during processing.
            supplements.RemoveAll(at => at > finishedAt);
            var method = status == "returned" ? (random.Next(0, 3) == 0 ? "online" : "desk") : null;
            list.Add(new Generated($"HTMC-{i:D6}", channels[random.Next(channels.Length)], status, received, due, finishedAt, method, supplements));
        }
        return list;
    }

    private static string Line(Generated g, int index) => JsonSerializer.Serialize(new
    {
        sourceId = g.SourceId,
        code = $"{Desk}-{g.ReceivedAt:yyMMdd}-H{index:D5}",
        procedureCode = DossierApp.Procedure,
        receivingAgencyCode = Desk,
        processingAgencyCode = Commune,
        channel = g.Channel,
        applicant = new { kind = "person", fullName = "Người nộp " + index, phone = "0912" + (index % 1000000).ToString("D6") },
        receivedAt = g.ReceivedAt,
        dueAt = g.DueAt,
        finishedAt = g.FinishedAt,
        returnedAt = g.Status == "returned" ? g.FinishedAt : null,
        returnMethod = g.ReturnMethod,
        status = g.Status,
        events = new[] { new { at = g.ReceivedAt, action = "receive", actor = "Cán bộ một cửa", note = (string?)null } }
            .Concat(g.SupplementRequests.Select(at => new { at, action = "request-supplement", actor = "Chuyên viên", note = (string?)"Bổ sung giấy tờ" })),
    });

    private static async Task<JsonElement> ImportAsync(HttpClient admin, string content, bool dryRun)
    {
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(Encoding.UTF8.GetBytes(content)), "file", "ho-so-cu.jsonl" },
            { new StringContent(dryRun ? "true" : "false"), "dryRun" },
        };
        return await admin.JobResultAsync(await admin.PostAsync("/api/v1/admin/import/dossiers", form));
    }

    private static bool Late(Generated g) =>
        g.SupplementRequests.Count > 1 || g.FinishedAt > g.DueAt;

    private static bool Early(Generated g) =>
        !Late(g) && DateOnly.FromDateTime(g.FinishedAt!.Value.ToOffset(Vietnam).DateTime) < DateOnly.FromDateTime(g.DueAt!.Value.ToOffset(Vietnam).DateTime);

    [Fact]
    public async Task FiveThousandImportedDossiers_GiveTheFiguresComputedFromTheirEvents()
    {
        var admin = await app.AdminAsync();
        var generated = Generate(5_000);
        var file = string.Join('\n', generated.Select(Line));
        var dryRun = await ImportAsync(admin, file, dryRun: true);
        Assert.True(dryRun.GetProperty("rejected").GetInt32() == 0, string.Join('\n', dryRun.GetProperty("errors").EnumerateArray().Take(5)));
        Assert.Equal((5_000, 0), (dryRun.GetProperty("lines").GetInt32(), dryRun.GetProperty("imported").GetInt32()));
        var imported = await ImportAsync(admin, file, dryRun: false);
        Assert.Equal(5_000, imported.GetProperty("imported").GetInt32());

        // Form 06 computed from the generated events: October, and periods cut across months (whole months and edge days both count).
        var commune = await app.UnitIdAsync(DossierApp.Commune);
        await AssertForm06Async(admin, commune, generated, new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 31));
        await AssertForm06Async(admin, commune, generated, new DateOnly(2026, 8, 15), new DateOnly(2026, 10, 20));
        await AssertForm06Async(admin, commune, generated, new DateOnly(2026, 9, 1), new DateOnly(2026, 11, 22));
        await AssertForm06Async(admin, commune, generated, new DateOnly(2026, 10, 10), new DateOnly(2026, 10, 12));
        await AssertForm06Async(admin, commune, generated, new DateOnly(2026, 7, 1), new DateOnly(2026, 11, 30));
        var inPeriod = generated.Where(g => g.ReceivedAt < PeriodEnd && (g.FinishedAt is null || g.FinishedAt >= PeriodStart)).ToList();
        var resolved = inPeriod.Where(g => g.FinishedAt < PeriodEnd).ToList();
        var overdue = inPeriod.Except(resolved).Count(g => g.Status != "awaiting_supplement" && g.DueAt <= PeriodEnd);

        // The 766 ratios behind progress, online dossiers and electronic results.
        var index = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/indicators/service-index?unitId={commune}&from=2026-10-01&to=2026-10-31");
        var items = index.GetProperty("groups").EnumerateArray().SelectMany(g => g.GetProperty("items").EnumerateArray()).ToDictionary(i => i.GetProperty("key").GetString()!);
        var judged = resolved.Where(g => g.Status != "withdrawn").ToList();
        Assert.Equal((judged.Count(g => !Late(g)), judged.Count + overdue), Ratio(items["2.1"]));
        var receivedInPeriod = inPeriod.Where(g => g.ReceivedAt >= PeriodStart).ToList();
        Assert.Equal((receivedInPeriod.Count(g => g.Channel == "online"), receivedInPeriod.Count), Ratio(items["3.3"]));
        var results = resolved.Where(g => g.Status is "returned" or "result_ready").ToList();
        Assert.Equal((results.Count(g => g.ReturnMethod == "online"), results.Count), Ratio(items["6.1"]));

        // The 12-month trend (read in one go) and the ranking (all communes in one read) give what each period gives alone.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var indicators = scope.ServiceProvider.GetRequiredService<ServiceIndexQuery>();
            var trend = await indicators.TrendAsync(commune, new DateOnly(2026, 11, 23), CancellationToken.None);
            Assert.Equal(12, trend.Count);
            foreach (var month in trend.Where(m => m.From >= new DateOnly(2026, 7, 1)))
            {
                var alone = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/indicators/service-index?unitId={commune}&from={month.From:yyyy-MM-dd}&to={month.To:yyyy-MM-dd}");
                Assert.Equal(alone.GetProperty("total").GetDecimal(), month.Total);
                Assert.Equal(Ratio(alone.GetProperty("groups").EnumerateArray().SelectMany(g => g.GetProperty("items").EnumerateArray())
                    .Single(i => i.GetProperty("key").GetString() == "2.1")) is var (n, d) && d > 0 ? (decimal)n / d : null, month.OnTimeRate);
            }
            var october = new Domain.Reports.ReportPeriod(new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 31));
            var ranked = (await indicators.RankAsync(commune, october, CancellationToken.None)).Single(r => r.UnitId == commune);
            Assert.Equal(index.GetProperty("total").GetDecimal(), ranked.Total);
        }

        // Importing the same file again adds nothing.
        var again = await ImportAsync(admin, file, dryRun: false);
        Assert.Equal((0, 5_000), (again.GetProperty("imported").GetInt32(), again.GetProperty("alreadyImported").GetInt32()));
    }

    private static async Task AssertForm06Async(HttpClient admin, Guid commune, List<Generated> generated, DateOnly from, DateOnly to)
    {
        var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), Vietnam);
        var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), Vietnam);
        var inPeriod = generated.Where(g => g.ReceivedAt < end && (g.FinishedAt is null || g.FinishedAt >= start)).ToList();
        var resolved = inPeriod.Where(g => g.FinishedAt < end).ToList();
        var open = inPeriod.Except(resolved).ToList();
        var overdue = open.Count(g => g.Status != "awaiting_supplement" && g.DueAt <= end);
        var report = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/reports/processing?unitId={commune}&from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}");
        var expected = new[]
        {
            inPeriod.Count, inPeriod.Count(g => g.ReceivedAt >= start && g.Channel == "online"), inPeriod.Count(g => g.ReceivedAt >= start && g.Channel != "online"),
            inPeriod.Count(g => g.ReceivedAt < start), resolved.Count(Early), resolved.Count(g => !Late(g) && !Early(g)), resolved.Count(Late),
            open.Count - overdue, overdue, inPeriod.Count(g => g.SupplementRequests.Any(at => at >= start && at < end)), resolved.Count(g => g.Status == "withdrawn"),
        };
        var actual = new[]
        {
            report.GetProperty("received").GetProperty("total").GetInt32(), report.GetProperty("received").GetProperty("online").GetInt32(),
            report.GetProperty("received").GetProperty("directOrPostal").GetInt32(), report.GetProperty("received").GetProperty("carriedOver").GetInt32(),
            report.GetProperty("resolved").GetProperty("early").GetInt32(), report.GetProperty("resolved").GetProperty("onTime").GetInt32(),
            report.GetProperty("resolved").GetProperty("late").GetInt32(), report.GetProperty("inProgress").GetProperty("withinDeadline").GetInt32(),
            report.GetProperty("inProgress").GetProperty("overdue").GetInt32(), report.GetProperty("returnedForSupplement").GetInt32(),
            report.GetProperty("withdrawn").GetInt32(),
        };
        Assert.True(expected.SequenceEqual(actual), $"{from}–{to}: expected {string.Join(", ", expected)}; got {string.Join(", ", actual)}");
    }

    [Fact]
    public async Task BadLines_AreReportedByLineNumber_AndTheDryRunWritesNothing()
    {
        var admin = await app.AdminAsync();
        var good = Generate(2).Select((g, i) => g with { SourceId = $"LOI-{i}" }).ToList();
        var lines = new[]
        {
            Line(good[0], 90_001),
            "{ không phải json",
            Line(good[1] with { Status = "flying" }, 90_002),
            Line(good[1] with { SourceId = "LOI-3" }, 90_003).Replace(DossierApp.Procedure, "9.999999", StringComparison.Ordinal),
            Line(good[1] with { SourceId = "LOI-0" }, 90_004),
        };
        var result = await ImportAsync(admin, string.Join('\n', lines), dryRun: true);
        Assert.Equal((5, 0, 4), (result.GetProperty("lines").GetInt32(), result.GetProperty("imported").GetInt32(), result.GetProperty("rejected").GetInt32()));
        var errors = result.GetProperty("errors").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.Contains(errors, e => e.StartsWith("Dòng 2: ", StringComparison.Ordinal) && e.Contains("JSON", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Dòng 3: ", StringComparison.Ordinal) && e.Contains("Trạng thái", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Dòng 4: ", StringComparison.Ordinal) && e.Contains("9.999999", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Dòng 5: ", StringComparison.Ordinal) && e.Contains("lặp lại", StringComparison.Ordinal));
        Assert.False(await app.WithDbAsync(db => Task.FromResult(db.Set<MotCua.Core.Dossiers.Dossier>().Any(d => d.SourceId == "LOI-0"))));

        var specialist = await app.OfficerAsync(MotCua.Domain.Organisation.Role.Specialist, DossierApp.Commune);
        using var form = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(lines[0])), "file", "x.jsonl" } };
        Assert.Equal(HttpStatusCode.Forbidden, (await specialist.Client.PostAsync("/api/v1/admin/import/dossiers", form)).StatusCode);
    }

    private static (long, long) Ratio(JsonElement item) => (item.GetProperty("numerator").GetInt64(), item.GetProperty("denominator").GetInt64());
}
