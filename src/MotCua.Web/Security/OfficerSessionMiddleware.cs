using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using MotCua.Core.Identity;

namespace MotCua.Web.Security;

/// <summary>
/// Re-checks every signed-in request against the officer's current identity (from the database, or this node's
/// <see cref="OfficerIdentityCache"/>, which every committed change of the officer evicts): a deactivated officer,
/// or a cookie or token issued before a password reset, role change or second-factor change (the security stamp
/// moved), is treated as anonymous at once.
/// </summary>
internal sealed class OfficerSessionMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, CurrentOfficer current, CredentialService credentials)
    {
        if (context.User.Identity?.IsAuthenticated == true)
        {
            var id = OfficerClaims.OfficerId(context.User);
            var identity = id is null ? null : await credentials.FindIdentityAsync(id.Value, context.RequestAborted);
            if (identity is null || identity.SecurityStamp != context.User.FindFirstValue(OfficerClaims.Stamp))
            {
                context.User = new ClaimsPrincipal(new ClaimsIdentity());
                if (!IsBearer(context))
                {
                    await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
                }
            }
            else
            {
                current.Set(identity);
            }
        }
        await next(context);
    }

    public static bool IsBearer(HttpContext context) =>
        context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);
}
