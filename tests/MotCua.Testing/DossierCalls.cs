using System.Net.Http.Json;
using System.Text.Json;

namespace MotCua.Testing;

/// <summary>The dossier API as tests call it.</summary>
public static class DossierCalls
{
    public static async Task<HttpResponseMessage> PostReceptionAsync(this TestOfficer officer, object request, string? idempotencyKey = null)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, "/api/v1/dossiers") { Content = JsonContent.Create(request) };
        message.Headers.Add("Idempotency-Key", idempotencyKey ?? Guid.NewGuid().ToString("N"));
        return await officer.Client.SendAsync(message);
    }

    /// <summary>Receives a dossier and returns its view (fails the test on an error).</summary>
    public static async Task<JsonElement> ReceiveAsync(this TestOfficer officer, object request, string? idempotencyKey = null) =>
        await (await officer.PostReceptionAsync(request, idempotencyKey)).ReadAsync<JsonElement>();

    public static Task<HttpResponseMessage> ActAsync(this TestOfficer officer, string code, string action, object? body = null) =>
        officer.Client.PostAsJsonAsync($"/api/v1/dossiers/{Uri.EscapeDataString(code)}/{action}", body ?? new { });

    /// <summary>Performs an action that must succeed and returns the updated dossier.</summary>
    public static async Task<JsonElement> DoAsync(this TestOfficer officer, string code, string action, object? body = null) =>
        await (await officer.ActAsync(code, action, body)).ReadAsync<JsonElement>();

    public static async Task<JsonElement> GetDossierAsync(this TestOfficer officer, string code) =>
        await (await officer.Client.GetAsync($"/api/v1/dossiers/{Uri.EscapeDataString(code)}")).ReadAsync<JsonElement>();

    public static string Code(this JsonElement dossier) => dossier.GetProperty("code").GetString()!;

    public static string Status(this JsonElement dossier) => dossier.GetProperty("status").GetString()!;

    public static DateTimeOffset? Instant(this JsonElement element, string property) =>
        element.GetProperty(property).ValueKind == JsonValueKind.Null ? null : element.GetProperty(property).GetDateTimeOffset();
}
