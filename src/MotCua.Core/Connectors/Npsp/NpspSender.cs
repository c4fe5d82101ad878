using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using MotCua.Core.Notifications;

namespace MotCua.Core.Connectors.Npsp;

/// <summary>Posts queued status updates to the portal, signed; the portal deduplicates on the message id.</summary>
public sealed class NpspSender(IOptions<NpspOptions> options, IHttpClientFactory http, TimeProvider time) : IOutboxSender
{
    public const string HttpClientName = "npsp";

    public string Channel => "npsp";

    public async Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var npsp = options.Value;
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(new Uri(npsp.BaseUrl), npsp.StatusPath))
        {
            Content = new StringContent(message.Body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(NpspSignature.ClientHeader, npsp.ClientId);
        request.Headers.Add(NpspSignature.TimestampHeader, timestamp);
        request.Headers.Add(NpspSignature.SignatureHeader, NpspSignature.Sign(npsp.Secret, timestamp, message.Body));
        request.Headers.Add("Idempotency-Key", message.Id.ToString());
        using var response = await http.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"NPSP answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }
    }
}
