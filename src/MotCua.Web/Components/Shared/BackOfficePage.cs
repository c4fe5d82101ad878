using Microsoft.AspNetCore.Components;
using MotCua.Core.Common;

namespace MotCua.Web.Components.Shared;

/// <summary>
/// Base of the back-office pages: a refused load or command is shown on the page (<see cref="Problem"/>)
/// and becomes the response status, as the API would answer (403 out of scope, 404, 409…).
/// </summary>
public abstract class BackOfficePage : ComponentBase
{
    [CascadingParameter] protected HttpContext HttpContext { get; set; } = default!;

    protected ProblemException? Problem { get; private set; }

    protected string? Message { get; set; }

    protected CancellationToken Aborted => HttpContext.RequestAborted;

    protected async Task<bool> RunAsync(Func<Task> action)
    {
        try
        {
            await action();
            return true;
        }
        catch (ProblemException problem)
        {
            Problem = problem;
            HttpContext.SetPageStatus(problem.Status);
            return false;
        }
    }
}

public static class PageStatus
{
    /// <summary>
    /// Sets the response status of a page that renders its own explanation, so that the status-code
    /// pages middleware does not replace it with the generic error page. A 404 keeps status 200: the
    /// .NET 10 component renderer hands a 404 to the not-found re-execution and drops the page's own
    /// explanation (the API answers 404 for the same lookup).
    /// </summary>
    public static void SetPageStatus(this HttpContext context, int status)
    {
        if (context.Response.HasStarted || status == StatusCodes.Status404NotFound)
        {
            return;
        }
        context.Response.StatusCode = status;
        if (context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>() is { } pages)
        {
            pages.Enabled = false;
        }
    }
}
