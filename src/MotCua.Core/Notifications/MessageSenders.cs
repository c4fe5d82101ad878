using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using MotCua.Domain.Text;

namespace MotCua.Core.Notifications;

/// <summary>Configuration section <c>Notifications</c>.</summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    /// <summary>The portal's public address, for links in messages (the dossier lookup page).</summary>
    public string PortalUrl { get; set; } = "http://localhost:5000";

    public SmtpOptions Smtp { get; set; } = new();

    public SmsOptions Sms { get; set; } = new();
}

public sealed class SmtpOptions
{
    /// <summary>Empty: emails are written to the log instead (development).</summary>
    public string? Host { get; set; }

    public int Port { get; set; } = 25;

    public bool UseTls { get; set; }

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public string From { get; set; } = "motcua@localhost";

    public string FromName { get; set; } = "Hệ thống Một cửa điện tử";
}

public sealed class SmsOptions
{
    /// <summary>
    /// The provider's HTTP endpoint (a brand-name SMS gateway); empty: the development sink writes SMS
    /// to the log. The request is a JSON POST {to, text, sender} with the API key as a bearer token.
    /// </summary>
    public string? Endpoint { get; set; }

    public string? ApiKey { get; set; }

    public string Sender { get; set; } = "MOTCUA";
}

/// <summary>Email over SMTP (MailKit); without a host, to the log.</summary>
public sealed class EmailSender(IOptions<NotificationOptions> options, ILogger<EmailSender> logger) : IOutboxSender
{
    public string Channel => "email";

    public async Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var smtp = options.Value.Smtp;
        if (string.IsNullOrWhiteSpace(smtp.Host))
        {
            logger.LogInformation("Email (development sink) to {Recipient}: {Subject}", Mask(message.Recipient), message.Subject);
            return;
        }
        var mime = new MimeMessage();
        mime.From.Add(new MailboxAddress(smtp.FromName, smtp.From));
        mime.To.Add(MailboxAddress.Parse(message.Recipient));
        mime.Subject = message.Subject ?? "";
        mime.Headers.Add("X-MotCua-Message-Id", message.Id.ToString());
        mime.Body = new TextPart("plain") { Text = message.Body };
        using var client = new SmtpClient();
        await client.ConnectAsync(smtp.Host, smtp.Port, smtp.UseTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None, cancellationToken);
        if (!string.IsNullOrEmpty(smtp.UserName))
        {
            await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", cancellationToken);
        }
        await client.SendAsync(mime, cancellationToken);
        await client.DisconnectAsync(true, cancellationToken);
    }

    private static string Mask(string email) => email.Length <= 3 ? "***" : email[..2] + "***" + email[email.IndexOf('@', StringComparison.Ordinal)..];
}

/// <summary>SMS through the provider's HTTP gateway; the development sink writes them to the log.</summary>
public sealed class SmsSender(IOptions<NotificationOptions> options, IHttpClientFactory http, ILogger<SmsSender> logger) : IOutboxSender
{
    public const string HttpClientName = "sms";

    public string Channel => "sms";

    public async Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var sms = options.Value.Sms;
        if (string.IsNullOrWhiteSpace(sms.Endpoint))
        {
            logger.LogInformation("SMS (development sink) to {Recipient}: {Text}", PersonalDataMask.Mask(message.Recipient), message.Body);
            return;
        }
        using var request = new HttpRequestMessage(HttpMethod.Post, sms.Endpoint)
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { to = message.Recipient, text = message.Body, sender = sms.Sender, reference = message.Id }),
        };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", sms.ApiKey);
        request.Headers.Add("Idempotency-Key", message.Id.ToString());
        using var response = await http.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
    }
}
