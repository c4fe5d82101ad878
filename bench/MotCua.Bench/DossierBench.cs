using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;

namespace MotCua.Bench;

/// <summary>Dossier benchmarks: officers' tokens, the documents of a reception for the load script, and a bulk data generator for PostgreSQL.</summary>
internal static class DossierBench
{
    /// <summary>
    /// Creates officers (each "role@agency code", one role on that unit) through the API as the bootstrap
    /// admin, and prints one bearer token per line in the same order.
    /// </summary>
    public static int OfficerTokens(string[] args)
    {
        var baseUrl = new Uri(LoadGenerator.Arg(args, "--base")!);
        var password = LoadGenerator.Arg(args, "--password")!;
        var officers = LoadGenerator.Arg(args, "--officers")!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var token in OfficerTokensAsync(baseUrl, password, officers).GetAwaiter().GetResult())
        {
            Console.WriteLine(token);
        }
        return 0;
    }

    private static async Task<List<string>> OfficerTokensAsync(Uri baseUrl, string adminPassword, IEnumerable<string> officers)
    {
        using var admin = await ApiSession.AdminAsync(baseUrl, adminPassword);
        var units = await admin.GetFromJsonAsync<JsonElement>("/api/v1/units");
        var tokens = new List<string>();
        foreach (var officer in officers)
        {
            var role = officer.Split('@')[0];
            var agency = officer.Split('@')[1];
            var unit = units.EnumerateArray().First(u => u.GetProperty("agencyCode").GetString() == agency).GetProperty("id").GetGuid();
            var userName = $"bench.{role}.{Guid.NewGuid():N}"[..28];
            var created = await admin.PostAsJsonAsync("/api/v1/officers", new
            {
                userName,
                fullName = $"Cán bộ đo hiệu năng ({role})",
                unitId = unit,
                roles = new[] { new { role, unitId = unit } },
            });
            created.EnsureSuccessStatusCode();
            var initial = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("initialPassword").GetString()!;
            using var client = new HttpClient { BaseAddress = baseUrl };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(client, userName, initial));
            const string Password = "Mat-Khau-Do-Hieu-Nang-2026";
            (await client.PostAsJsonAsync("/api/v1/account/password", new { currentPassword = initial, newPassword = Password })).EnsureSuccessStatusCode();
            tokens.Add(await TokenAsync(client, userName, Password));
        }
        return tokens;
    }

    private static async Task<string> TokenAsync(HttpClient client, string userName, string password)
    {
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName, password });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    /// <summary>
    /// Prints the <c>documents</c> array of a complete reception of the procedure (every component, one
    /// original each) as compact JSON, for the reception load script (<c>bench/lua/reception.lua</c>).
    /// </summary>
    public static int ReceptionDocuments(string[] args)
    {
        var baseUrl = new Uri(LoadGenerator.Arg(args, "--base")!);
        var token = LoadGenerator.Arg(args, "--token")!;
        var procedure = LoadGenerator.Arg(args, "--procedure") ?? "1.004873";
        using var client = new HttpClient { BaseAddress = baseUrl };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var found = client.GetFromJsonAsync<JsonElement>($"/api/v1/procedures/{procedure}").GetAwaiter().GetResult();
        var documents = found.GetProperty("components").EnumerateArray()
            .Select(c => new { componentId = c.GetProperty("id").GetGuid(), copies = 1, original = true });
        Console.WriteLine(JsonSerializer.Serialize(documents));
        return 0;
    }

    /// <summary>
    /// Bulk dossiers straight into PostgreSQL (one INSERT … SELECT over generate_series): finished dossiers
    /// spread over every one-stop desk and the last 360 days, plus <c>--open</c> dossiers in progress at the
    /// unit with <c>--open-agency</c> (received at its desk), each with its open step. Codes follow
    /// <c>&lt;agency&gt;-YYMMDD-NNNN</c> and are unique; phones give the lookup's last four digits.
    /// Writes <c>--paths</c>: public lookup paths of a random sample.
    /// </summary>
    public static int DossierData(string[] args)
    {
        var connection = LoadGenerator.Arg(args, "--connection")!;
        var count = long.Parse(LoadGenerator.Arg(args, "--count") ?? "1000000", CultureInfo.InvariantCulture);
        var open = int.Parse(LoadGenerator.Arg(args, "--open") ?? "20000", CultureInfo.InvariantCulture);
        var openAgency = LoadGenerator.Arg(args, "--open-agency") ?? "000.21.00.H49";
        var paths = LoadGenerator.Arg(args, "--paths");
        return DossierDataAsync(connection, count, open, openAgency, paths).GetAwaiter().GetResult();
    }

    private static async Task<int> DossierDataAsync(string connectionString, long count, int open, string openAgency, string? pathsFile)
    {
        await using var source = NpgsqlDataSource.Create(connectionString);
        var watch = Stopwatch.StartNew();
        var desks = new List<(Guid Id, string Code, Guid Parent)>();
        Guid openUnit = Guid.Empty;
        await using (var command = source.CreateCommand("""SELECT "Id", "AgencyCode", "ParentId", "Kind" FROM "Units" ORDER BY "AgencyCode" """))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                if (reader.GetString(3) == "OneStopDesk")
                {
                    desks.Add((reader.GetGuid(0), reader.GetString(1), reader.GetGuid(2)));
                }
                if (reader.GetString(1) == openAgency)
                {
                    openUnit = reader.GetGuid(0);
                }
            }
        }
        var openDesk = desks.FindIndex(d => d.Parent == openUnit);
        if (openDesk < 0)
        {
            Console.Error.WriteLine($"No one-stop desk under the unit {openAgency}.");
            return 1;
        }
        var procedures = new List<(Guid Procedure, Guid Version, string Code, string Name, string Field, decimal Value, string Unit)>();
        await using (var command = source.CreateCommand("""
            SELECT p."Id", v."Id", p."Code", v."Name", v."FieldCode", v."ProcessingValue", v."ProcessingUnit"
            FROM "Procedures" p JOIN "ProcedureVersions" v ON v."ProcedureId" = p."Id" WHERE v."State" = 'Announced' ORDER BY p."Code"
            """))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                procedures.Add((reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetDecimal(5), reader.GetString(6)));
            }
        }

        const string Insert = """
            INSERT INTO "Dossiers" ("Id", "Code", "ProcedureId", "ProcedureVersionId", "ProcedureCode", "ProcedureName", "FieldCode", "Channel",
                "ApplicantKind", "ApplicantName", "ApplicantPersonalId", "ApplicantPhone", "PhoneLast4", "ReceivingUnitId", "ProcessingUnitId", "Status",
                "Outcome", "CurrentStepIndex", "CurrentStepRole", "CurrentUnitId", "CurrentStepDeadline", "ReceivedAt", "DueAt", "OriginalDueAt",
                "FinishedAt", "ReturnedAt", "ReturnMethod", "Timeliness", "ClockState", "ClockSince", "RemainingTicks", "AllowanceValue", "AllowanceUnit",
                "SupplementRequests", "Apologized", "ReceivedByName", "CreatedAt", "UpdatedAt", "Version")
            SELECT gen_random_uuid(),
                   @codes[d + 1] || '-' || to_char(received AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYMMDD') || '-' || lpad(seq::text, 4, '0'),
                   @procedureIds[p + 1], @versionIds[p + 1], @procedureCodes[p + 1], @names[p + 1], @fields[p + 1],
                   (ARRAY['Direct', 'Online', 'Online', 'Postal'])[1 + (i % 4)], 'Person', 'Người nộp ' || i,
                   '0511' || lpad((i % 100)::text, 2, '0') || lpad((i % 1000000)::text, 6, '0'),
                   '09' || lpad(((i * 7919) % 100000000)::text, 8, '0'), lpad(((i * 7919) % 10000)::text, 4, '0'),
                   @deskIds[d + 1], CASE WHEN is_open THEN @openUnit ELSE @parents[d + 1] END,
                   CASE WHEN is_open THEN 'InProgress' ELSE 'Returned' END,
                   CASE WHEN is_open THEN NULL ELSE 'Approved' END,
                   CASE WHEN is_open THEN 1 ELSE 4 END,
                   CASE WHEN is_open THEN 'Specialist' ELSE 'Return' END,
                   CASE WHEN is_open THEN @openUnit ELSE @deskIds[d + 1] END,
                   CASE WHEN is_open THEN due - interval '2 days' ELSE NULL END,
                   received, due, due,
                   CASE WHEN is_open THEN NULL ELSE finished END,
                   CASE WHEN is_open THEN NULL ELSE finished + interval '2 hours' END,
                   CASE WHEN is_open THEN NULL ELSE 'Desk' END,
                   CASE WHEN is_open THEN NULL WHEN finished > due THEN 'Late' WHEN finished::date < due::date THEN 'Early' ELSE 'OnTime' END,
                   CASE WHEN is_open THEN 'Running' ELSE 'Stopped' END,
                   received, 0, @values[p + 1], @units[p + 1], 0, false, 'Dữ liệu đo hiệu năng', received, received, 1
            FROM (
                SELECT i, d, p, seq, is_open, received, received + (interval '1 day' * (3 + i % 9)) AS due,
                       received + (interval '1 hour' * (20 + (i * 37) % 260)) AS finished
                FROM (
                    SELECT i, d, p, is_open,
                           CASE WHEN is_open THEN 5000 + k / 30 + 1 ELSE k / 360 + 1 END AS seq,
                           CASE WHEN is_open THEN now() - interval '1 day' * (k % 30) - interval '6 days'
                                ELSE now() - interval '365 days' + interval '1 day' * (k % 360) END
                             + interval '1 hour' * (8 + i % 8) AS received
                    FROM (
                        SELECT i, (i % @desks) AS d, (i % @procedures) AS p, (i / @desks) AS k,
                               (i % @desks) = @openDesk AND (i / @desks) < @open AS is_open
                        FROM generate_series(@from, @to) AS g(i)
                    ) numbered
                ) dated
            ) timed
            """;
        const long Batch = 250_000;
        for (var from = 0L; from < count; from += Batch)
        {
            await using var command = source.CreateCommand(Insert);
            command.CommandTimeout = 0;
            command.Parameters.AddWithValue("codes", desks.Select(d => d.Code).ToArray());
            command.Parameters.AddWithValue("deskIds", desks.Select(d => d.Id).ToArray());
            command.Parameters.AddWithValue("parents", desks.Select(d => d.Parent).ToArray());
            command.Parameters.AddWithValue("procedureIds", procedures.Select(p => p.Procedure).ToArray());
            command.Parameters.AddWithValue("versionIds", procedures.Select(p => p.Version).ToArray());
            command.Parameters.AddWithValue("procedureCodes", procedures.Select(p => p.Code).ToArray());
            command.Parameters.AddWithValue("names", procedures.Select(p => p.Name).ToArray());
            command.Parameters.AddWithValue("fields", procedures.Select(p => p.Field).ToArray());
            command.Parameters.AddWithValue("values", procedures.Select(p => p.Value).ToArray());
            command.Parameters.AddWithValue("units", procedures.Select(p => ToUnitName(p.Unit)).ToArray());
            command.Parameters.AddWithValue("openUnit", openUnit);
            command.Parameters.AddWithValue("desks", (long)desks.Count);
            command.Parameters.AddWithValue("procedures", (long)procedures.Count);
            command.Parameters.AddWithValue("openDesk", (long)openDesk);
            command.Parameters.AddWithValue("open", (long)open);
            command.Parameters.AddWithValue("from", from);
            command.Parameters.AddWithValue("to", Math.Min(count, from + Batch) - 1);
            await command.ExecuteNonQueryAsync();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  [{watch.Elapsed.TotalSeconds,6:F1}s] {Math.Min(count, from + Batch):N0} / {count:N0} dossiers"));
        }
        await using (var steps = source.CreateCommand("""
            INSERT INTO "DossierSteps" ("Id", "DossierId", "Index", "Name", "Role", "UnitId", "UnitName", "StartedAt", "Deadline")
            SELECT gen_random_uuid(), d."Id", 1, 'Thẩm định, đề xuất', 'Specialist', d."CurrentUnitId", u."Name", d."ReceivedAt", d."CurrentStepDeadline"
            FROM "Dossiers" d JOIN "Units" u ON u."Id" = d."CurrentUnitId"
            WHERE d."Status" = 'InProgress' AND d."ReceivedByName" = 'Dữ liệu đo hiệu năng'
            """))
        {
            steps.CommandTimeout = 0;
            await steps.ExecuteNonQueryAsync();
        }
        // What autovacuum does after a bulk load: statistics and the visibility map (index-only scans).
        foreach (var table in new[] { "Dossiers", "DossierSteps" })
        {
            await using var vacuum = source.CreateCommand($"""VACUUM (ANALYZE) "{table}";""");
            vacuum.CommandTimeout = 0;
            await vacuum.ExecuteNonQueryAsync();
        }
        if (pathsFile is not null)
        {
            await using var sample = source.CreateCommand("""
                SELECT '/api/v1/public/dossiers/' || "Code" || '?phone=' || "PhoneLast4" FROM "Dossiers" TABLESAMPLE SYSTEM (2) LIMIT 20000
                """);
            await using var reader = await sample.ExecuteReaderAsync();
            await using var writer = new StreamWriter(pathsFile);
            while (await reader.ReadAsync())
            {
                await writer.WriteLineAsync(reader.GetString(0));
            }
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"dossiers={count} open={open} desks={desks.Count} procedures={procedures.Count} seconds={watch.Elapsed.TotalSeconds:F1}"));
        return 0;
    }

    /// <summary>The entity's enum name for a catalogue time unit key.</summary>
    private static string ToUnitName(string key) => key switch
    {
        "working_hours" => "WorkingHours",
        "days" => "CalendarDays",
        _ => "WorkingDays",
    };
}
