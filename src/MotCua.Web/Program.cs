using MotCua.Core;
using MotCua.Web.Api;
using MotCua.Web.Audit;
using MotCua.Web.Calendar;
using MotCua.Web.Catalogue;
using MotCua.Web.Components;
using MotCua.Web.Dossiers;
using MotCua.Web.Hosting;
using MotCua.Web.Identity;
using MotCua.Web.Jobs;
using MotCua.Web.Operations;
using MotCua.Web.Organisation;
using MotCua.Web.Reports;
using MotCua.Web.Security;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    // appsettings.json and wwwroot travel with the build output, so the app starts from any directory.
    ContentRootPath = AppContext.BaseDirectory,
});

// Static assets resolve from the build output in every environment (a published app carries its own wwwroot).
builder.WebHost.UseStaticWebAssets();
builder.AddObservability();
builder.Services.AddMotCuaCore(builder.Configuration);
builder.Services.AddMotCuaSecurity(builder.Configuration);
builder.Services.AddMotCuaApi();
builder.Services.AddMotCuaWebModules();
builder.Services.AddRazorComponents();

var app = builder.Build();

if (await CommandLine.TryRunAsync(app, args))
{
    return;
}

app.UseMotCuaPipeline();

app.MapOperationsApi();
app.MapAuthApi();
app.MapSessionEndpoints();
app.MapAccountApi();
app.MapUnitsApi();
app.MapOfficersApi();
app.MapAuditApi();
app.MapCalendarApi();
app.MapCatalogueApi();
app.MapJobsApi();
app.MapDossiersApi();
app.MapReportsApi();
app.MapApiReference();
app.MapStaticAssets().AllowAnonymous();
app.MapRazorComponents<App>()
    .Add(endpoint =>
    {
        // Blazor's own redirect helper carries no data; every page declares its policy itself.
        if (endpoint is RouteEndpointBuilder { RoutePattern.RawText: "/_framework/opaque-redirect" })
        {
            endpoint.Metadata.Add(new Microsoft.AspNetCore.Authorization.AllowAnonymousAttribute());
        }
    });

await app.RunAsync();

/// <summary>Entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
