using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MotCua.Testing.Simulators;

/// <summary>
/// A stand-in for the National Public Service Portal on a loopback port, speaking the adapter's protocol
/// (docs/connectors.md): it accepts status updates only when signed with the shared secret
/// (<c>X-Signature: sha256=hex(HMAC-SHA256(secret, X-Timestamp + "." + body))</c>), records each
/// Idempotency-Key once, can be told to fail, and signs the online dossiers it forwards to the app.
/// The signature is computed here independently of the app's code, so a protocol mistake shows up.
/// </summary>
public sealed class NpspSimulator : IAsyncDisposable
{
    public const string ClientId = "motcua-test";
    public const string Secret = "bi-mat-dung-chung-kiem-thu-2026";
    public const string StatusPath = "/api/hoso/capnhat-trangthai";

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, JsonElement> _byKey = new();
    private int _failures;

    public NpspSimulator()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.MapPost(StatusPath, ReceiveAsync);
    }

    public string BaseUrl => _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

    /// <summary>Updates received (each Idempotency-Key once), in arrival order.</summary>
    public ConcurrentQueue<JsonElement> Updates { get; } = new();

    private int _rejected;
    private int _duplicates;

    /// <summary>Requests refused because the signature did not verify.</summary>
    public int Rejected => Volatile.Read(ref _rejected);

    /// <summary>Deliveries seen more than once (a retry after a lost answer): acknowledged, not stored twice.</summary>
    public int Duplicates => Volatile.Read(ref _duplicates);

    /// <summary>The next <paramref name="count"/> deliveries answer 503.</summary>
    public void FailNext(int count) => Interlocked.Exchange(ref _failures, count);

    public async Task StartAsync() => await _app.StartAsync();

    public async Task<JsonElement> WaitForAsync(Func<JsonElement, bool> match, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (DateTime.UtcNow < until)
        {
            foreach (var update in Updates)
            {
                if (match(update))
                {
                    return update;
                }
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"No matching status update; received {Updates.Count}: {string.Join(" | ", Updates.Select(u => u.GetRawText()))}");
    }

    /// <summary>Signs <paramref name="body"/> as the portal does and posts it to the app's inbound endpoint.</summary>
    public static HttpRequestMessage SignedRequest(string path, string body, DateTimeOffset now, string secret = Secret)
    {
        var timestamp = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Client-Id", ClientId);
        request.Headers.Add("X-Timestamp", timestamp);
        request.Headers.Add("X-Signature", Sign(secret, timestamp, body));
        return request;
    }

    private static string Sign(string secret, string timestamp, string body)
    {
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(secret));
        return "sha256=" + Convert.ToHexString(hmac.ComputeHash(Encoding.UTF8.GetBytes($"{timestamp}.{body}"))).ToLowerInvariant();
    }

    private async Task<IResult> ReceiveAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var timestamp = request.Headers["X-Timestamp"].ToString();
        if (request.Headers["X-Client-Id"] != ClientId || request.Headers["X-Signature"] != Sign(Secret, timestamp, body))
        {
            Interlocked.Increment(ref _rejected);
            return Results.Json(new { maLoi = "401", moTa = "Sai chữ ký" }, statusCode: 401);
        }
        if (Volatile.Read(ref _failures) > 0 && Interlocked.Decrement(ref _failures) >= 0)
        {
            return Results.Json(new { maLoi = "503", moTa = "Hệ thống bận" }, statusCode: 503);
        }
        var key = request.Headers["Idempotency-Key"].ToString();
        var update = JsonDocument.Parse(body).RootElement.Clone();
        if (!_byKey.TryAdd(key, update))
        {
            Interlocked.Increment(ref _duplicates);
            return Results.Json(new { maLoi = "0", moTa = "Đã nhận" });
        }
        Updates.Enqueue(update);
        return Results.Json(new { maLoi = "0", moTa = "Thành công" });
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
