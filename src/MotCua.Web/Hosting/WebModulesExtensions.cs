using MotCua.Web.Catalogue;
using MotCua.Web.Reports;

namespace MotCua.Web.Hosting;

public static class WebModulesExtensions
{
    /// <summary>Services of the web host's own modules (what pages and endpoints share beyond Core).</summary>
    public static IServiceCollection AddMotCuaWebModules(this IServiceCollection services)
    {
        services.AddScoped<CatalogueImportStarter>();
        services.AddScoped<HistoryImportStarter>();
        return services;
    }
}
