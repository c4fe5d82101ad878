namespace MotCua.Web.Security;

/// <summary>
/// Security headers on every response. Scripts and styles come only from this origin (no inline code),
/// images may be data: URIs (QR codes), and no other site may frame the pages. The API reference
/// (<c>/tai-lieu-api</c>, a third-party viewer that starts with an inline module script and injects its
/// styles) alone may run inline code; it shows no data but the public OpenAPI document.
/// </summary>
internal sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; " +
        "connect-src 'self'; media-src 'self' blob:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private const string ApiReferencePolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = "camera=(self), microphone=(), geolocation=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            if (!headers.ContainsKey("Content-Security-Policy"))
            {
                headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/tai-lieu-api") ? ApiReferencePolicy : ContentSecurityPolicy;
            }
            return Task.CompletedTask;
        });
        return next(context);
    }
}
