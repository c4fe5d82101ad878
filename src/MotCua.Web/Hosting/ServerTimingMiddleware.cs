using System.Diagnostics;
using System.Globalization;

namespace MotCua.Web.Hosting;

/// <summary>
/// Adds <c>Server-Timing: app;dur=…</c> (milliseconds from the start of the pipeline to the first byte of
/// the response): what the server itself spent, which load tests and browsers' dev tools read.
/// </summary>
internal sealed class ServerTimingMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        context.Response.OnStarting(() =>
        {
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            context.Response.Headers["Server-Timing"] = string.Create(CultureInfo.InvariantCulture, $"app;dur={elapsed:0.###}");
            return Task.CompletedTask;
        });
        return next(context);
    }
}
