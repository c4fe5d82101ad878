using System.Globalization;
using Microsoft.AspNetCore.DataProtection;
using MotCua.Core.Identity;

namespace MotCua.Web.Identity;

/// <summary>
/// Between the password step and the TOTP step of an interactive sign-in: a short-lived, protected,
/// HTTP-only cookie naming the officer and the security stamp the password was checked under.
/// </summary>
public sealed class PendingSignIn(IDataProtectionProvider protection, TimeProvider time)
{
    private const string CookieName = "motcua.2fa";
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);
    private readonly IDataProtector _protector = protection.CreateProtector("MotCua.Identity.PendingSignIn.v1");

    public void Start(HttpContext context, OfficerIdentity identity)
    {
        var expires = time.GetUtcNow() + Lifetime;
        var payload = string.Join('|', identity.Id.ToString("N"), identity.SecurityStamp, expires.UtcTicks.ToString(CultureInfo.InvariantCulture));
        context.Response.Cookies.Append(CookieName, _protector.Protect(payload), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = context.Request.IsHttps,
            // A session cookie: the expiry that counts is the one inside the protected payload.
            Path = "/dang-nhap",
        });
    }

    public (Guid OfficerId, string Stamp)? Read(HttpContext context)
    {
        if (!context.Request.Cookies.TryGetValue(CookieName, out var value))
        {
            return null;
        }
        try
        {
            var parts = _protector.Unprotect(value).Split('|');
            if (parts.Length == 3 && Guid.TryParse(parts[0], out var id)
                && long.TryParse(parts[2], CultureInfo.InvariantCulture, out var ticks) && ticks > time.GetUtcNow().UtcTicks)
            {
                return (id, parts[1]);
            }
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            // Tampered or from an older key: ask for the password again.
        }
        return null;
    }

    public void Clear(HttpContext context) => context.Response.Cookies.Delete(CookieName, new CookieOptions { Path = "/dang-nhap" });
}
