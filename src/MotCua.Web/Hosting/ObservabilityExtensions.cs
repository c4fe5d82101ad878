using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace MotCua.Web.Hosting;

public static class ObservabilityExtensions
{
    /// <summary>The name of MotCua's own traces and metrics.</summary>
    public const string SourceName = "MotCua";

    /// <summary>
    /// OpenTelemetry metrics for ASP.NET Core, outgoing HTTP and the runtime, always; traces (ASP.NET Core,
    /// outgoing HTTP, Npgsql commands) and logs are collected and exported over OTLP when
    /// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set — without a collector, recording a span per request and per
    /// SQL command would only cost time. Logs are structured (set <c>Logging__Console__FormatterName=json</c>
    /// for JSON lines).
    /// </summary>
    public static WebApplicationBuilder AddObservability(this WebApplicationBuilder builder)
    {
        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(SourceName))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(SourceName));
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            otel.WithTracing(tracing => tracing
                    .AddAspNetCoreInstrumentation(options => options.Filter = context => !context.Request.Path.StartsWithSegments("/health"))
                    .AddHttpClientInstrumentation()
                    .AddNpgsql()
                    .AddSource(SourceName))
                .UseOtlpExporter();
            builder.Logging.AddOpenTelemetry(logging => logging.IncludeFormattedMessage = true);
        }
        return builder;
    }
}
