using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace MotCua.Bench;

/// <summary>
/// A closed-loop HTTP load generator for loopback benchmarks: N connections, each sending the next
/// request as soon as the previous answered, for a fixed time after a warm-up. Reports requests per
/// second and client latency percentiles, and the server's own time from its <c>Server-Timing</c> header.
/// Stops by itself; targets only the given base address.
/// </summary>
internal static class LoadGenerator
{
    public sealed record Result(double RequestsPerSecond, double ClientP50, double ClientP99, double ServerP50, double ServerP99, long Requests, long Errors)
    {
        public double ClientP95 { get; init; } = double.NaN;

        public double ServerP95 { get; init; } = double.NaN;
    }

    public static int Run(string[] args)
    {
        var baseUrl = Arg(args, "--base") ?? throw new ArgumentException("--base is required");
        // Either literal paths, or a query test set turned into "<prefix><escaped query>".
        var paths = Arg(args, "--queries") is { } queries
            ? SearchQuality.Load(queries).Select(q => (Arg(args, "--prefix") ?? "/api/v1/procedures?q=") + Uri.EscapeDataString(q.Text)).ToArray()
            : File.ReadAllLines(Arg(args, "--paths") ?? throw new ArgumentException("--paths or --queries is required")).Where(l => l.Length > 0).ToArray();
        var connections = int.Parse(Arg(args, "--connections") ?? "16", CultureInfo.InvariantCulture);
        var seconds = double.Parse(Arg(args, "--seconds") ?? "20", CultureInfo.InvariantCulture);
        var warmup = double.Parse(Arg(args, "--warmup") ?? "5", CultureInfo.InvariantCulture);
        var result = RunAsync(new Uri(baseUrl), paths, connections, TimeSpan.FromSeconds(warmup), TimeSpan.FromSeconds(seconds), Arg(args, "--token")).GetAwaiter().GetResult();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"rps={result.RequestsPerSecond:F1} client_p50_ms={result.ClientP50:F3} client_p95_ms={result.ClientP95:F3} client_p99_ms={result.ClientP99:F3} server_p50_ms={result.ServerP50:F3} server_p95_ms={result.ServerP95:F3} server_p99_ms={result.ServerP99:F3} requests={result.Requests} errors={result.Errors}"));
        return result.Errors > 0 ? 1 : 0;
    }

    public static async Task<Result> RunAsync(Uri baseAddress, IReadOnlyList<string> paths, int connections, TimeSpan warmup, TimeSpan duration, string? token = null)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionLifetime = TimeSpan.FromMinutes(10), AutomaticDecompression = DecompressionMethods.None };
        using var client = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }
        var next = -1L;
        var clientTimes = new List<double>[connections];
        var serverTimes = new List<double>[connections];
        long errors = 0;
        var start = Stopwatch.GetTimestamp();
        var measureFrom = warmup;
        var end = warmup + duration;
        var workers = Enumerable.Range(0, connections).Select(async worker =>
        {
            clientTimes[worker] = new List<double>(100_000);
            serverTimes[worker] = new List<double>(100_000);
            while (Stopwatch.GetElapsedTime(start) < end)
            {
                var path = paths[(int)(Interlocked.Increment(ref next) % paths.Count)];
                var sent = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await client.GetAsync(path, HttpCompletionOption.ResponseContentRead);
                    var elapsed = Stopwatch.GetElapsedTime(sent).TotalMilliseconds;
                    if (!response.IsSuccessStatusCode)
                    {
                        Interlocked.Increment(ref errors);
                        continue;
                    }
                    if (Stopwatch.GetElapsedTime(start) < measureFrom)
                    {
                        continue;
                    }
                    clientTimes[worker].Add(elapsed);
                    if (response.Headers.TryGetValues("Server-Timing", out var timing) && ParseDuration(timing.First()) is { } server)
                    {
                        serverTimes[worker].Add(server);
                    }
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        }).ToArray();
        await Task.WhenAll(workers);
        var allClient = clientTimes.SelectMany(t => t).Order().ToArray();
        var allServer = serverTimes.SelectMany(t => t).Order().ToArray();
        return new Result(allClient.Length / duration.TotalSeconds, Percentile(allClient, 0.50), Percentile(allClient, 0.99),
            Percentile(allServer, 0.50), Percentile(allServer, 0.99), allClient.Length, errors)
        {
            ClientP95 = Percentile(allClient, 0.95),
            ServerP95 = Percentile(allServer, 0.95),
        };
    }

    internal static double? ParseDuration(string header)
    {
        var index = header.IndexOf("dur=", StringComparison.Ordinal);
        return index >= 0 && double.TryParse(header[(index + 4)..].Split(';', ',')[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    internal static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    internal static string? Arg(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
