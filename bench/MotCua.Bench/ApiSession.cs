using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using OtpNet;

namespace MotCua.Bench;

/// <summary>Signs in as the bootstrap administrator (enrolling TOTP on a fresh database) and drives the API for data set-up.</summary>
internal static class ApiSession
{
    public static async Task<HttpClient> AdminAsync(Uri baseAddress, string password)
    {
        var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(10) };
        var pending = await TokenAsync(client, password, null);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", pending);
        var setup = await client.PostAsync("/api/v1/account/totp/setup", null);
        setup.EnsureSuccessStatusCode();
        var secret = (await setup.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("secret").GetString()!;
        var totp = new Totp(Base32Encoding.ToBytes(secret));
        (await client.PostAsJsonAsync("/api/v1/account/totp/confirm", new { code = totp.ComputeTotp() })).EnsureSuccessStatusCode();
        // A code can be used once: wait for the next 30-second step.
        await Task.Delay(TimeSpan.FromSeconds(totp.RemainingSeconds() + 1));
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(client, password, totp.ComputeTotp()));
        return client;
    }

    private static async Task<string> TokenAsync(HttpClient client, string password, string? code)
    {
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "admin", password, totp = code });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    /// <summary>Imports a catalogue file as announced and prints progress until the job ends.</summary>
    public static int ImportCatalogue(string[] args)
    {
        var baseUrl = new Uri(LoadGenerator.Arg(args, "--base")!);
        var file = LoadGenerator.Arg(args, "--file")!;
        var password = LoadGenerator.Arg(args, "--password")!;
        return ImportAsync(baseUrl, file, password).GetAwaiter().GetResult();
    }

    private static async Task<int> ImportAsync(Uri baseUrl, string file, string password)
    {
        using var client = await AdminAsync(baseUrl, password);
        var watch = Stopwatch.StartNew();
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(await File.ReadAllBytesAsync(file)), "file", Path.GetFileName(file) },
            { new StringContent("false"), "dryRun" },
            { new StringContent("true"), "strict" },
            { new StringContent("1/QĐ-UBND (dữ liệu đo hiệu năng)"), "decisionNumber" },
            { new StringContent("2025-01-01"), "decisionDate" },
            { new StringContent("2025-01-01"), "effectiveDate" },
        };
        var response = await client.PostAsync("/api/v1/catalogue/imports", form);
        response.EnsureSuccessStatusCode();
        var job = await FollowJobAsync(client, response.Headers.Location!.OriginalString, watch);
        var status = job.GetProperty("status").GetString();
        var applied = status == "succeeded" && job.GetProperty("result").GetProperty("applied").GetBoolean();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"import status={status} applied={applied} seconds={watch.Elapsed.TotalSeconds:F1} {job.GetProperty("error")}"));
        return applied ? 0 : 1;
    }

    /// <summary>Follows a background job, printing each new stage with the time since <paramref name="watch"/> started; the job once it ended.</summary>
    public static async Task<JsonElement> FollowJobAsync(HttpClient client, string location, Stopwatch watch)
    {
        var lastStage = "";
        while (true)
        {
            var job = await client.GetFromJsonAsync<JsonElement>(location);
            var stage = $"{job.GetProperty("percent").GetInt32(),3}% {job.GetProperty("stage").GetString()}";
            if (stage != lastStage)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  [{watch.Elapsed.TotalSeconds,6:F1}s] {stage}"));
                lastStage = stage;
            }
            if (job.GetProperty("status").GetString() is "succeeded" or "failed")
            {
                return job;
            }
            await Task.Delay(250);
        }
    }
}
