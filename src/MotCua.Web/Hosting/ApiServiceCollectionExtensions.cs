using Microsoft.OpenApi;
using MotCua.Core.Data;
using MotCua.Web.Operations;

namespace MotCua.Web.Hosting;

public static class ApiServiceCollectionExtensions
{
    public static IServiceCollection AddMotCuaApi(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = ProblemDefaults.Customize);
        services.AddExceptionHandler<ProblemExceptionHandler>();
        // Binding failures (malformed JSON, a wrong type in the query) reach the exception handler and get our problem shape.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "MotCua API",
                    Version = "v1",
                    Description = "API của hệ thống thông tin giải quyết thủ tục hành chính MotCua. " +
                        "Xác thực bằng mã truy cập lấy từ POST /api/v1/auth/token (Authorization: Bearer …).",
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes["Bearer"] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    Description = "Mã truy cập từ POST /api/v1/auth/token",
                };
                return Task.CompletedTask;
            });
        });
        services.AddOptions<PortalOptions>().BindConfiguration(PortalOptions.Section);
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(new VietnamInstantConverter()));
        services.AddHostedService<StartupInitialization>();
        services.AddHostedService<CacheWarmer>();
        services.AddHealthChecks()
            .AddDbContextCheck<MotCuaDbContext>("database", tags: ["ready"])
            .AddCheck<FileStoreHealthCheck>("files", tags: ["ready"]);
        return services;
    }
}
