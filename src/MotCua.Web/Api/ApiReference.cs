using Scalar.AspNetCore;

namespace MotCua.Web.Api;

public static class ApiReference
{
    /// <summary>
    /// The OpenAPI document at <c>/openapi/v1.json</c> and the browsable reference at <c>/tai-lieu-api</c>, with
    /// system fonts (the viewer's default fonts come from its CDN, which deployments may not reach).
    /// </summary>
    public static IEndpointRouteBuilder MapApiReference(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference("/tai-lieu-api", options => options
                .WithTitle("Tài liệu API – MotCua")
                .WithOpenApiRoutePattern("/openapi/{documentName}.json")
                .DisableDefaultFonts())
            .AllowAnonymous();
        return app;
    }
}
