using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using MotCua.Core.Common;
using MotCua.Core.Jobs;
using MotCua.Domain.Organisation;
using MotCua.Web.Api;
using MotCua.Web.Security;

namespace MotCua.Web.Jobs;

public static class JobsApi
{
    public static IEndpointRouteBuilder MapJobsApi(this IEndpointRouteBuilder app)
    {
        app.MapApiGroup("/jobs", "Công việc nền").MapGet("/{id:guid}", Get).RequireAuthorization(Policies.Officer)
            .WithSummary("Tiến độ và kết quả của một công việc chạy nền (nhập dữ liệu…) do chính cán bộ khởi tạo.");
        return app;
    }

    internal static async Task<Ok<JobView>> Get(Guid id, JobQueue jobs, IAuthorizationService authorization, HttpContext context, CancellationToken cancellationToken)
    {
        var job = await jobs.FindAsync(id, cancellationToken);
        if (!(await authorization.AuthorizeAsync(context.User, job, JobAccessRequirement.Instance)).Succeeded)
        {
            throw ProblemException.Forbidden("Chỉ người khởi tạo hoặc quản trị viên được xem công việc này.");
        }
        return TypedResults.Ok(JobQueue.View(job));
    }
}

/// <summary>A job is seen by whoever started it and by administrators.</summary>
public sealed class JobAccessRequirement : IAuthorizationRequirement
{
    public static readonly JobAccessRequirement Instance = new();
}

internal sealed class JobAccessHandler(CurrentOfficer current) : AuthorizationHandler<JobAccessRequirement, BackgroundJob>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, JobAccessRequirement requirement, BackgroundJob job)
    {
        if (job.CreatedById == current.OfficerId || (await current.GetScopeAsync(CancellationToken.None)).HasRole(Role.Administrator))
        {
            context.Succeed(requirement);
        }
    }
}
