using System.Security.Claims;
using MotCua.Core.Identity;

namespace MotCua.Web.Security;

/// <summary>What a session cookie or bearer token carries: who, and the security stamp it was issued under.</summary>
public static class OfficerClaims
{
    public const string Stamp = "motcua:stamp";
    public const string AuthenticationType = "motcua";

    public static ClaimsPrincipal Create(OfficerIdentity identity) =>
        new(new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, identity.Id.ToString()),
                new Claim(ClaimTypes.Name, identity.UserName),
                new Claim(ClaimTypes.GivenName, identity.FullName),
                new Claim(Stamp, identity.SecurityStamp),
            ],
            AuthenticationType,
            ClaimTypes.Name,
            ClaimTypes.Role));

    public static Guid? OfficerId(ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;
}
