using Microsoft.AspNetCore.HttpOverrides;
using MotCua.Web.Security;

namespace MotCua.Web.Hosting;

public static class PipelineExtensions
{
    public static WebApplication UseMotCuaPipeline(this WebApplication app)
    {
        app.UseMiddleware<ServerTimingMiddleware>();
        if (app.Configuration.GetValue<bool>("Hosting:BehindProxy"))
        {
            // Behind nginx/haproxy: take the client address from X-Forwarded-For (rate limits, audit).
            var forwarded = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
            forwarded.KnownIPNetworks.Clear();
            forwarded.KnownProxies.Clear();
            app.UseForwardedHeaders(forwarded);
        }
        app.UseExceptionHandler();
        app.UseWhen(context => SecurityServiceCollectionExtensions.IsApi(context.Request), api => api.UseStatusCodePages());
        app.UseWhen(context => !SecurityServiceCollectionExtensions.IsApi(context.Request), pages => pages.UseStatusCodePagesWithReExecute("/loi/{0}"));
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseMiddleware<OfficerSessionMiddleware>();
        app.UseAuthorization();
        app.UseAntiforgery();
        return app;
    }
}
