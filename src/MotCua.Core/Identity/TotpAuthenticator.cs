using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using OtpNet;
using QRCoder;

namespace MotCua.Core.Identity;

public sealed record TotpEnrolment(string Secret, string OtpAuthUri, string QrPngBase64);

/// <summary>RFC 6238 time-based one-time passwords (30 s, 6 digits, SHA-1: what every authenticator app reads).</summary>
public sealed class TotpAuthenticator(IDataProtectionProvider protection, TimeProvider time, IOptions<CredentialOptions> options)
{
    private readonly IDataProtector _protector = protection.CreateProtector("MotCua.Identity.Totp.v1");

    public (string Secret, string Protected) NewSecret()
    {
        var secret = Base32Encoding.ToString(RandomNumberGenerator.GetBytes(20));
        return (secret, _protector.Protect(secret));
    }

    public string Unprotect(string protectedSecret) => _protector.Unprotect(protectedSecret);

    public TotpEnrolment Describe(string secret, string userName)
    {
        var issuer = Uri.EscapeDataString(options.Value.TotpIssuer);
        var uri = $"otpauth://totp/{issuer}:{Uri.EscapeDataString(userName)}?secret={secret}&issuer={issuer}&digits=6&period=30&algorithm=SHA1";
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(6);
        return new TotpEnrolment(secret, uri, Convert.ToBase64String(png));
    }

    /// <summary>
    /// Verifies a code against the secret, allowing one step of clock drift each way; returns the
    /// matched step, which must be later than the last one used (no replay).
    /// </summary>
    public long? Verify(string protectedSecret, string? code, long lastStep)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }
        var digits = new string(code.Where(char.IsDigit).ToArray());
        if (digits.Length != 6)
        {
            return null;
        }
        var totp = new Totp(Base32Encoding.ToBytes(Unprotect(protectedSecret)));
        var now = time.GetUtcNow().UtcDateTime;
        if (!totp.VerifyTotp(now, digits, out var step, VerificationWindow.RfcSpecifiedNetworkDelay))
        {
            return null;
        }
        return step > lastStep ? step : null;
    }
}
