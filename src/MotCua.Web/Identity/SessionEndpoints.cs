using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;
using MotCua.Core.Audit;
using MotCua.Core.Identity;
using MotCua.Web.Security;

namespace MotCua.Web.Identity;

/// <summary>Cookie sessions of the back office: sign-in helpers and the sign-out form target.</summary>
public static class SessionEndpoints
{
    public static IEndpointRouteBuilder MapSessionEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/dang-xuat", SignOut)
            .RequireAuthorization(Policies.Account)
            .ExcludeFromDescription();
        return app;
    }

    /// <summary>A form post (anti-forgery checked because the endpoint reads the form).</summary>
    internal static async Task<RedirectHttpResult> SignOut(HttpContext context, IFormCollection form, CurrentOfficer current, AuditTrail audit)
    {
        if (current.Identity is { } identity)
        {
            audit.Record("auth.sign_out", "officer", identity.Id.ToString(), identity.UnitId, $"Cán bộ {identity.UserName} đăng xuất.");
            await audit.SaveAsync(context.RequestAborted);
        }
        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return TypedResults.Redirect("/");
    }

    public static Task SignInCookieAsync(HttpContext context, OfficerIdentity identity) =>
        context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, OfficerClaims.Create(identity),
            new AuthenticationProperties { IsPersistent = false });

    /// <summary>Where to go after signing in: the account page while set-up is owed, else the local return address.</summary>
    public static string AfterSignIn(OfficerIdentity identity, string? returnUrl)
    {
        if (identity.MustChangePassword || identity.TotpEnrolmentPending)
        {
            return "/mot-cua/tai-khoan";
        }
        return IsLocal(returnUrl) ? returnUrl! : "/mot-cua";
    }

    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));
}
