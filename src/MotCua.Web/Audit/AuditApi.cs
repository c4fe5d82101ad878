using Microsoft.AspNetCore.Http.HttpResults;
using MotCua.Core.Audit;
using MotCua.Core.Common;
using MotCua.Domain.Organisation;
using MotCua.Web.Api;
using MotCua.Web.Security;

namespace MotCua.Web.Audit;

public static class AuditApi
{
    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("/audit", "Nhật ký").RequireAuthorization(Policies.Administrator);
        group.MapGet("/", List).WithSummary("Nhật ký thao tác (mới nhất trước) của các đơn vị trong phạm vi quản trị.");
        group.MapGet("/verify", Verify).WithSummary("Kiểm tra toàn vẹn chuỗi băm của nhật ký.");
        return app;
    }

    internal static async Task<Ok<Page<AuditEntryView>>> List(
        DateTimeOffset? from, DateTimeOffset? to, string? action, string? actor, string? targetId, int? page, int? pageSize,
        CurrentOfficer current, AuditQuery audit, CancellationToken cancellationToken)
    {
        var (visible, includeUnitless) = await VisibilityAsync(current, cancellationToken);
        var (number, size) = Paging.Clamp(page, pageSize, 50);
        return TypedResults.Ok(await audit.ListAsync(visible, includeUnitless, new AuditFilter(from, to, action, actor, targetId), number, size, cancellationToken));
    }

    internal static async Task<Ok<AuditVerification>> Verify(AuditVerifier verifier, CancellationToken cancellationToken) =>
        TypedResults.Ok(await verifier.VerifyAsync(cancellationToken));

    /// <summary>Units an administrator oversees; entries tied to no unit only for administrators of a root unit.</summary>
    public static async Task<(HashSet<Guid> Visible, bool IncludeUnitless)> VisibilityAsync(CurrentOfficer current, CancellationToken cancellationToken)
    {
        var scope = await current.GetScopeAsync(cancellationToken);
        var rootAdmin = scope.Grants.Any(g => g.Role == Role.Administrator && scope.Tree.Roots.Any(r => r.Id == g.UnitId));
        return (scope.UnitsFor(Role.Administrator), rootAdmin);
    }
}
