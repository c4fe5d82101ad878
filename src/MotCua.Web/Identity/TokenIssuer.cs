using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.Extensions.Options;
using MotCua.Core.Identity;
using MotCua.Web.Security;

namespace MotCua.Web.Identity;

public sealed record TokenRequest(string? UserName, string? Password, string? Totp);

/// <summary>
/// <c>accessToken</c> for the Authorization header until <c>expiresAt</c>. While <c>totpEnrolmentRequired</c>
/// or <c>passwordChangeRequired</c> is true the token only opens the account endpoints.
/// </summary>
public sealed record TokenResponse(string AccessToken, DateTimeOffset ExpiresAt, string TokenType, bool TotpEnrolmentRequired, bool PasswordChangeRequired);

/// <summary>Issues bearer tokens protected by the shared data-protection keys (validated by the BearerToken scheme).</summary>
public sealed class TokenIssuer(IOptionsMonitor<BearerTokenOptions> bearer, IOptions<CredentialOptions> credentials, TimeProvider time)
{
    public TokenResponse Issue(OfficerIdentity identity)
    {
        var now = time.GetUtcNow();
        var expires = now + credentials.Value.AccessTokenLifetime;
        var ticket = new AuthenticationTicket(
            OfficerClaims.Create(identity),
            new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = expires },
            BearerTokenDefaults.AuthenticationScheme);
        var token = bearer.Get(BearerTokenDefaults.AuthenticationScheme).BearerTokenProtector.Protect(ticket);
        return new TokenResponse(token, expires, "Bearer", identity.TotpEnrolmentPending, identity.MustChangePassword);
    }
}
