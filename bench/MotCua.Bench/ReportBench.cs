using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Npgsql;

namespace MotCua.Bench;

/// <summary>
/// Report benchmarks (issue 6): a generator of provincial history (units and dossiers over years, straight into
/// PostgreSQL), and the timing of the dashboard and form 06 through the API against naive SQL computing the
/// same figures from the dossier table in the same run, with a check that both give the same numbers.
/// </summary>
internal static class ReportBench
{
    private const string Marker = "Dữ liệu đo hiệu năng báo cáo";

    public static int Data(string[] args)
    {
        var connection = LoadGenerator.Arg(args, "--connection")!;
        var units = int.Parse(LoadGenerator.Arg(args, "--units") ?? "100", CultureInfo.InvariantCulture);
        var count = long.Parse(LoadGenerator.Arg(args, "--count") ?? "10000000", CultureInfo.InvariantCulture);
        var end = DateOnly.ParseExact(LoadGenerator.Arg(args, "--end") ?? "2026-11-23", "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var years = int.Parse(LoadGenerator.Arg(args, "--years") ?? "3", CultureInfo.InvariantCulture);
        return DataAsync(connection, units, count, end.AddYears(-years), end).GetAwaiter().GetResult();
    }

    /// <summary>
    /// <paramref name="units"/> communes under the province, each with its one-stop desk, and
    /// <paramref name="count"/> dossiers spread evenly over the days from <paramref name="start"/> to the day
    /// before <paramref name="end"/> ("today"): mostly finished (returned, result ready, withdrawn, stopped; early,
    /// on time or late), the recent ones and a few old ones still open; 5% asked once for a supplement, 1% twice.
    /// </summary>
    private static async Task<int> DataAsync(string connectionString, int units, long count, DateOnly start, DateOnly end)
    {
        await using var source = NpgsqlDataSource.Create(connectionString);
        var watch = Stopwatch.StartNew();
        var (rootId, rootPath) = await ScalarRowAsync(source, """SELECT "Id", "Path" FROM "Units" WHERE "ParentId" IS NULL""");
        var communes = new List<Guid>();
        var desks = new List<(Guid Id, string Code)>();
        var now = DateTimeOffset.UtcNow;
        await using (var batch = source.CreateBatch())
        {
            for (var u = 0; u < units; u++)
            {
                var commune = Guid.CreateVersion7();
                var desk = Guid.CreateVersion7();
                var communePath = $"{rootPath}{commune:N}/";
                communes.Add(commune);
                desks.Add((desk, $"B{u:D3}.01.H49"));
                foreach (var (id, parent, path, depth, key, name, kind, code) in new[]
                {
                    (commune, rootId, communePath, 1, $"bench-commune-{u:D3}", $"Xã Đo Hiệu Năng {u + 1}", "Commune", $"B{u:D3}.00.H49"),
                    (desk, commune, $"{communePath}{desk:N}/", 2, $"bench-desk-{u:D3}", $"Bộ phận một cửa xã Đo Hiệu Năng {u + 1}", "OneStopDesk", $"B{u:D3}.01.H49"),
                })
                {
                    var command = new NpgsqlBatchCommand("""
                        INSERT INTO "Units" ("Id", "ParentId", "Path", "Depth", "ExternalKey", "Name", "Kind", "AgencyCode", "IsActive", "CreatedAt", "UpdatedAt")
                        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, true, $9, $9)
                        """);
                    foreach (var value in new object[] { id, parent, path, depth, key, name, kind, code, now })
                    {
                        command.Parameters.Add(new NpgsqlParameter { Value = value });
                    }
                    batch.BatchCommands.Add(command);
                }
            }
            await batch.ExecuteNonQueryAsync();
        }
        var procedures = new List<(Guid Procedure, Guid Version, string Code, string Name, string Field)>();
        await using (var command = source.CreateCommand("""
            SELECT p."Id", v."Id", p."Code", v."Name", v."FieldCode"
            FROM "Procedures" p JOIN "ProcedureVersions" v ON v."ProcedureId" = p."Id" WHERE v."State" = 'Announced' ORDER BY p."Code"
            """))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                procedures.Add((reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2), reader.GetString(3), reader.GetString(4)));
            }
        }
        var days = end.DayNumber - start.DayNumber;
        var perUnit = (count + units - 1) / units;
        // Sequential ids (a time-ordered prefix and the row number) keep the primary key appending.
        const string Insert = """
            INSERT INTO "Dossiers" ("Id", "Code", "ProcedureId", "ProcedureVersionId", "ProcedureCode", "ProcedureName", "FieldCode", "Channel",
                "ApplicantKind", "ApplicantName", "ApplicantPhone", "PhoneLast4", "ReceivingUnitId", "ProcessingUnitId", "Status",
                "Outcome", "CurrentStepIndex", "CurrentStepRole", "CurrentUnitId", "ReceivedAt", "DueAt", "OriginalDueAt",
                "FinishedAt", "ReturnedAt", "ReturnMethod", "Timeliness", "ClockState", "ClockSince", "RemainingTicks", "AllowanceValue", "AllowanceUnit",
                "SupplementRequests", "Apologized", "Digitised", "NpspSynced", "ReceivedByName", "CreatedAt", "UpdatedAt", "Version")
            SELECT ('b0000000-0000-7000-8000-' || lpad(to_hex(i), 12, '0'))::uuid,
                   @deskCodes[u + 1] || '-' || to_char(received AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYMMDD') || '-' || lpad((k + 1)::text, 6, '0'),
                   @procedureIds[p + 1], @versionIds[p + 1], @procedureCodes[p + 1], @names[p + 1], @fields[p + 1],
                   (ARRAY['Direct', 'Online', 'Online', 'Postal'])[1 + (i % 4)], 'Person', 'Người nộp ' || i,
                   '09' || lpad(((i * 7919) % 100000000)::text, 8, '0'), lpad(((i * 7919) % 10000)::text, 4, '0'),
                   @deskIds[u + 1], @communeIds[u + 1], status,
                   CASE WHEN status IN ('Returned', 'ResultReady') THEN 'Approved' END,
                   CASE WHEN is_open THEN 1 ELSE 4 END,
                   CASE WHEN is_open THEN 'Specialist' ELSE 'Return' END,
                   CASE WHEN is_open THEN @communeIds[u + 1] ELSE @deskIds[u + 1] END,
                   received,
                   CASE WHEN status IN ('AwaitingSupplement', 'Suspended') THEN NULL ELSE due END, due,
                   CASE WHEN is_open THEN NULL ELSE finished END,
                   CASE WHEN status = 'Returned' THEN finished + interval '2 hours' END,
                   CASE WHEN status = 'Returned' THEN CASE WHEN i % 3 = 0 THEN 'Online' ELSE 'Desk' END END,
                   CASE WHEN is_open THEN NULL
                        WHEN supplements > 1 OR finished > due THEN 'Late'
                        WHEN (finished AT TIME ZONE 'Asia/Ho_Chi_Minh')::date < (due AT TIME ZONE 'Asia/Ho_Chi_Minh')::date THEN 'Early'
                        ELSE 'OnTime' END,
                   CASE WHEN NOT is_open THEN 'Stopped' WHEN status IN ('AwaitingSupplement', 'Suspended') THEN 'Suspended' ELSE 'Running' END,
                   received, 0, 5, 'WorkingDays', supplements, false, i % 5 < 3, i % 10 <> 0, @marker, received, received, 1
            FROM (
                SELECT *, CASE WHEN NOT is_open THEN (ARRAY['Withdrawn', 'Stopped', 'ResultReady', 'Returned'])[
                                   CASE WHEN h < 20 THEN 1 WHEN h < 30 THEN 2 WHEN h < 60 THEN 3 ELSE 4 END]
                               WHEN i % 10 = 0 THEN 'AwaitingSupplement' WHEN i % 10 = 1 THEN 'Suspended' ELSE 'InProgress' END AS status
                FROM (
                    SELECT *, finished > @today OR i % 1000 < 3 AS is_open
                    FROM (
                        SELECT i, u, k, p, h, supplements, received,
                               received + interval '1 day' * (3 + i % 9) AS due,
                               received + interval '1 hour' * (2 + (i * 37) % 300) AS finished
                        FROM (
                            SELECT i, (i % @units) AS u, (i / @units) AS k, (i % @procedures) AS p, (i * 7919 + 13) % 1000 AS h,
                                   CASE WHEN (i * 104729) % 100 < 5 THEN 1 WHEN (i * 104729) % 100 = 5 THEN 2 ELSE 0 END AS supplements,
                                   @start + interval '1 day' * ((i / @units) * @days / @perUnit)
                                     + interval '1 minute' * (420 + (i * 7919) % 600) AS received
                            FROM generate_series(@from, @to) AS g(i)
                        ) numbered
                    ) timed
                ) opened
            ) classed
            """;
        var startInstant = Midnight(start);
        var today = Midnight(end);
        const long Batch = 500_000;
        for (var from = 0L; from < count; from += Batch)
        {
            await using var command = source.CreateCommand(Insert);
            command.CommandTimeout = 0;
            command.Parameters.AddWithValue("deskCodes", desks.Select(d => d.Code).ToArray());
            command.Parameters.AddWithValue("deskIds", desks.Select(d => d.Id).ToArray());
            command.Parameters.AddWithValue("communeIds", communes.ToArray());
            command.Parameters.AddWithValue("procedureIds", procedures.Select(p => p.Procedure).ToArray());
            command.Parameters.AddWithValue("versionIds", procedures.Select(p => p.Version).ToArray());
            command.Parameters.AddWithValue("procedureCodes", procedures.Select(p => p.Code).ToArray());
            command.Parameters.AddWithValue("names", procedures.Select(p => p.Name).ToArray());
            command.Parameters.AddWithValue("fields", procedures.Select(p => p.Field).ToArray());
            command.Parameters.AddWithValue("units", (long)units);
            command.Parameters.AddWithValue("procedures", (long)procedures.Count);
            command.Parameters.AddWithValue("days", (long)days);
            command.Parameters.AddWithValue("perUnit", perUnit);
            command.Parameters.AddWithValue("start", startInstant);
            command.Parameters.AddWithValue("today", today);
            command.Parameters.AddWithValue("marker", Marker);
            command.Parameters.AddWithValue("from", from);
            command.Parameters.AddWithValue("to", Math.Min(count, from + Batch) - 1);
            await command.ExecuteNonQueryAsync();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  [{watch.Elapsed.TotalSeconds,6:F1}s] {Math.Min(count, from + Batch):N0} / {count:N0} dossiers"));
        }
        foreach (var (n, offset) in new[] { (1, "1 hour"), (2, "90 minutes") })
        {
            await using var events = source.CreateCommand($"""
                INSERT INTO "DossierEvents" ("Id", "DossierId", "At", "Action", "FromStatus", "ToStatus", "ActorName", "Note")
                SELECT gen_random_uuid(), "Id", "ReceivedAt" + interval '{offset}', 'request-supplement', 'InProgress', 'AwaitingSupplement', 'Chuyên viên', 'Bổ sung giấy tờ'
                FROM "Dossiers" WHERE "SupplementRequests" >= {n} AND "ReceivedByName" = @marker
                """);
            events.CommandTimeout = 0;
            events.Parameters.AddWithValue("marker", Marker);
            await events.ExecuteNonQueryAsync();
        }
        foreach (var table in new[] { "Dossiers", "DossierEvents", "Units" })
        {
            await using var vacuum = source.CreateCommand($"""VACUUM (ANALYZE) "{table}";""");
            vacuum.CommandTimeout = 0;
            await vacuum.ExecuteNonQueryAsync();
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"dossiers={count} units={units} from={start:yyyy-MM-dd} to={end.AddDays(-1):yyyy-MM-dd} procedures={procedures.Count} seconds={watch.Elapsed.TotalSeconds:F1}"));
        return 0;
    }

    /// <summary>00:00 of the day in Vietnam, as the UTC instant Npgsql writes.</summary>
    private static DateTimeOffset Midnight(DateOnly day) => new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(7)).ToUniversalTime();

    private static async Task<(Guid, string)> ScalarRowAsync(NpgsqlDataSource source, string sql)
    {
        await using var command = source.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetGuid(0), reader.GetString(1));
    }

    /// <summary>
    /// Builds the figures with the reconciliation job, then times the province's dashboard (the 766 index of a
    /// year, which also computes the year before for the targets) and form 06 through the API, one request at a
    /// time, against naive SQL over the dossier table computing the same figures; checks they agree.
    /// </summary>
    public static int Run(string[] args)
    {
        var baseUrl = new Uri(LoadGenerator.Arg(args, "--base")!);
        var password = LoadGenerator.Arg(args, "--password")!;
        var connection = LoadGenerator.Arg(args, "--connection")!;
        var from = DateOnly.ParseExact(LoadGenerator.Arg(args, "--from") ?? "2025-01-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var to = DateOnly.ParseExact(LoadGenerator.Arg(args, "--to") ?? "2025-12-31", "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var runs = int.Parse(LoadGenerator.Arg(args, "--runs") ?? "30", CultureInfo.InvariantCulture);
        var naiveRuns = int.Parse(LoadGenerator.Arg(args, "--naive-runs") ?? "5", CultureInfo.InvariantCulture);
        return RunAsync(baseUrl, password, connection, from, to, runs, naiveRuns).GetAwaiter().GetResult();
    }

    private static async Task<int> RunAsync(Uri baseUrl, string password, string connectionString, DateOnly from, DateOnly to, int runs, int naiveRuns)
    {
        using var admin = await ApiSession.AdminAsync(baseUrl, password);
        await using var source = NpgsqlDataSource.Create(connectionString);

        var watch = Stopwatch.StartNew();
        var started = await admin.PostAsync("/api/v1/admin/reports/reconcile", null);
        started.EnsureSuccessStatusCode();
        var job = await ApiSession.FollowJobAsync(admin, started.Headers.Location!.OriginalString, watch);
        if (job.GetProperty("status").GetString() != "succeeded")
        {
            throw new InvalidOperationException(job.GetProperty("error").ToString());
        }
        var result = job.GetProperty("result");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"reconcile_seconds={watch.Elapsed.TotalSeconds:F1} reconcile_dossiers={result.GetProperty("dossiers").GetInt32()} reconcile_counters_built={result.GetProperty("drifted").GetInt32()}"));
        await using (var count = source.CreateCommand("""SELECT count(*) FROM "DailyFigures" """))
        {
            Console.WriteLine($"figure_rows={await count.ExecuteScalarAsync()}");
        }

        var (root, units) = await UnitsAsync(source);
        var period = $"unitId={root}&from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}";
        var dashboard = await TimeAsync(runs, () => admin.GetStringAsync($"/api/v1/indicators/service-index?{period}"));
        var form06 = await TimeAsync(runs, () => admin.GetStringAsync($"/api/v1/reports/processing?{period}"));
        var lastYear = (new DateOnly(from.Year - 1, 1, 1), new DateOnly(from.Year - 1, 12, 31));
        var naiveDashboard = await TimeAsync(naiveRuns, async () =>
        {
            await NaiveAsync(source, units, from, to);
            return await NaiveAsync(source, units, lastYear.Item1, lastYear.Item2);
        });
        var naiveForm06 = await TimeAsync(naiveRuns, () => NaiveAsync(source, units, from, to));

        // The same numbers both ways.
        var report = JsonDocument.Parse(form06.Last).RootElement;
        var naive = JsonDocument.Parse(naiveForm06.Last).RootElement;
        var index = JsonDocument.Parse(dashboard.Last).RootElement;
        var progress = index.GetProperty("groups").EnumerateArray().SelectMany(g => g.GetProperty("items").EnumerateArray()).Single(i => i.GetProperty("key").GetString() == "2.1");
        var checks = new (string Name, long Api, long Sql)[]
        {
            ("received", report.GetProperty("received").GetProperty("total").GetInt64(), naive.GetProperty("received").GetInt64()),
            ("online", report.GetProperty("received").GetProperty("online").GetInt64(), naive.GetProperty("online").GetInt64()),
            ("carried_over", report.GetProperty("received").GetProperty("carriedOver").GetInt64(), naive.GetProperty("carried_over").GetInt64()),
            ("early", report.GetProperty("resolved").GetProperty("early").GetInt64(), naive.GetProperty("early").GetInt64()),
            ("on_time", report.GetProperty("resolved").GetProperty("onTime").GetInt64(), naive.GetProperty("on_time").GetInt64()),
            ("late", report.GetProperty("resolved").GetProperty("late").GetInt64(), naive.GetProperty("late").GetInt64()),
            ("overdue", report.GetProperty("inProgress").GetProperty("overdue").GetInt64(), naive.GetProperty("overdue").GetInt64()),
            ("within_deadline", report.GetProperty("inProgress").GetProperty("withinDeadline").GetInt64(), naive.GetProperty("within_deadline").GetInt64()),
            ("returned_for_supplement", report.GetProperty("returnedForSupplement").GetInt64(), naive.GetProperty("returned_for_supplement").GetInt64()),
            ("withdrawn", report.GetProperty("withdrawn").GetInt64(), naive.GetProperty("withdrawn").GetInt64()),
            ("progress_numerator", progress.GetProperty("numerator").GetInt64(), naive.GetProperty("progress_numerator").GetInt64()),
            ("progress_denominator", progress.GetProperty("denominator").GetInt64(), naive.GetProperty("progress_denominator").GetInt64()),
        };
        foreach (var (name, api, sql) in checks)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"figure {name} api={api} sql={sql}{(api == sql ? "" : " MISMATCH")}"));
        }
        var agree = checks.All(c => c.Api == c.Sql);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"dashboard_p50_ms={dashboard.P50:F1} dashboard_p95_ms={dashboard.P95:F1} naive_dashboard_p50_ms={naiveDashboard.P50:F1} naive_dashboard_p95_ms={naiveDashboard.P95:F1} " +
            $"form06_p50_ms={form06.P50:F1} form06_p95_ms={form06.P95:F1} naive_form06_p50_ms={naiveForm06.P50:F1} naive_form06_p95_ms={naiveForm06.P95:F1} figures_agree={agree}"));
        return agree ? 0 : 1;
    }

    private static async Task<(Guid Root, Guid[] Units)> UnitsAsync(NpgsqlDataSource source)
    {
        var units = new List<Guid>();
        var root = Guid.Empty;
        await using var command = source.CreateCommand("""SELECT "Id", "ParentId" FROM "Units" """);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            units.Add(reader.GetGuid(0));
            if (reader.IsDBNull(1))
            {
                root = reader.GetGuid(0);
            }
        }
        return (root, units.ToArray());
    }

    private sealed record Timing(double P50, double P95, string Last);

    /// <summary>One warm-up call, then <paramref name="runs"/> timed calls one after the other.</summary>
    private static async Task<Timing> TimeAsync(int runs, Func<Task<string>> call)
    {
        var last = await call();
        var samples = new List<double>(runs);
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            last = await call();
            samples.Add(watch.Elapsed.TotalMilliseconds);
        }
        samples.Sort();
        double At(double q) => samples[Math.Min(samples.Count - 1, (int)Math.Ceiling(q * samples.Count) - 1)];
        return new Timing(At(0.50), At(0.95), last);
    }

    /// <summary>
    /// Form 06 and the 766 progress ratio straight from the dossiers of the units (the whole province), the way
    /// one would write it without the daily figures: one pass over every dossier the period touches.
    /// </summary>
    private static async Task<string> NaiveAsync(NpgsqlDataSource source, Guid[] units, DateOnly from, DateOnly to)
    {
        await using var command = source.CreateCommand("""
            SELECT json_build_object(
              'received', count(*),
              'online', count(*) FILTER (WHERE "ReceivedAt" >= @start AND "Channel" = 'Online'),
              'carried_over', count(*) FILTER (WHERE "ReceivedAt" < @start),
              'early', count(*) FILTER (WHERE done AND cls = 'Early'),
              'on_time', count(*) FILTER (WHERE done AND cls = 'OnTime'),
              'late', count(*) FILTER (WHERE done AND cls = 'Late'),
              'overdue', count(*) FILTER (WHERE NOT done AND "DueAt" <= @end),
              'within_deadline', count(*) FILTER (WHERE NOT done AND ("DueAt" IS NULL OR "DueAt" > @end)),
              'withdrawn', count(*) FILTER (WHERE done AND "Status" = 'Withdrawn'),
              'returned_for_supplement', count(*) FILTER (WHERE EXISTS (SELECT 1 FROM "DossierEvents" e
                  WHERE e."DossierId" = d."Id" AND e."Action" = 'request-supplement' AND e."At" >= @start AND e."At" < @end)),
              'progress_numerator', count(*) FILTER (WHERE done AND "Status" <> 'Withdrawn' AND cls <> 'Late'),
              'progress_denominator', count(*) FILTER (WHERE (done AND "Status" <> 'Withdrawn') OR (NOT done AND "DueAt" <= @end)),
              'synced', count(*) FILTER (WHERE "ReceivedAt" >= @start AND "NpspSynced"),
              'digitised', count(*) FILTER (WHERE "ReceivedAt" >= @start AND "Digitised"),
              'electronic_results', count(*) FILTER (WHERE done AND "Status" IN ('Returned', 'ResultReady') AND "ReturnMethod" = 'Online'),
              'online_procedures', (SELECT count(DISTINCT "ProcedureCode") FROM "Dossiers" o WHERE o."ProcessingUnitId" = ANY(@units)
                  AND o."Channel" = 'Online' AND o."ReceivedAt" >= @start AND o."ReceivedAt" < @end
                  AND o."Status" NOT IN ('Submitted', 'NotAccepted', 'IncompleteAtDesk')))::text
            FROM (
              SELECT d.*, d."FinishedAt" IS NOT NULL AND d."FinishedAt" < @end AS done,
                     COALESCE(d."Timeliness", CASE WHEN d."DueAt" IS NULL THEN 'OnTime' WHEN d."FinishedAt" > d."DueAt" THEN 'Late'
                       WHEN (d."FinishedAt" AT TIME ZONE 'Asia/Ho_Chi_Minh')::date < (d."DueAt" AT TIME ZONE 'Asia/Ho_Chi_Minh')::date THEN 'Early'
                       ELSE 'OnTime' END) AS cls
              FROM "Dossiers" d
              WHERE d."ProcessingUnitId" = ANY(@units) AND d."Status" NOT IN ('Submitted', 'NotAccepted', 'IncompleteAtDesk')
                AND d."ReceivedAt" IS NOT NULL AND d."ReceivedAt" < @end AND (d."FinishedAt" IS NULL OR d."FinishedAt" >= @start)
            ) d
            """);
        command.CommandTimeout = 0;
        command.Parameters.AddWithValue("units", units);
        command.Parameters.AddWithValue("start", Midnight(from));
        command.Parameters.AddWithValue("end", Midnight(to.AddDays(1)));
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
