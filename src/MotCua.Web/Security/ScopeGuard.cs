using Microsoft.AspNetCore.Authorization;
using MotCua.Core.Common;
using MotCua.Domain.Organisation;

namespace MotCua.Web.Security;

/// <summary>Resource authorisation for unit-scoped commands, shared by API endpoints and pages.</summary>
public sealed class ScopeGuard(IAuthorizationService authorization, IHttpContextAccessor accessor)
{
    /// <summary>Refuses (403) unless the current officer holds <paramref name="role"/> over every one of the units.</summary>
    public async Task EnsureAsync(Role role, params IEnumerable<Guid> unitIds)
    {
        var user = accessor.HttpContext?.User ?? new System.Security.Claims.ClaimsPrincipal();
        foreach (var unitId in unitIds.Distinct())
        {
            var result = await authorization.AuthorizeAsync(user, unitId, new UnitScopeRequirement(role));
            if (!result.Succeeded)
            {
                throw ProblemException.Forbidden($"Bạn không có vai trò {role.Vietnamese()} tại đơn vị này.");
            }
        }
    }

    /// <summary>Refuses (403) unless the officer holds <paramref name="role"/> over the whole tree (national data such as holiday tables).</summary>
    public async Task EnsureRootAsync(Role role)
    {
        var current = accessor.HttpContext?.RequestServices.GetRequiredService<CurrentOfficer>();
        var scope = current is null ? null : await current.GetScopeAsync(CancellationToken.None);
        if (scope is null || scope.Tree.Roots.Count == 0 || !scope.Tree.Roots.All(root => scope.Covers(role, root.Id)))
        {
            throw ProblemException.Forbidden($"Chỉ {role.Vietnamese()} cấp tỉnh được thực hiện thao tác này.");
        }
    }

    /// <summary>Refuses (403) unless the current officer holds some role over the unit.</summary>
    public async Task EnsureVisibleAsync(Guid unitId)
    {
        var user = accessor.HttpContext?.User ?? new System.Security.Claims.ClaimsPrincipal();
        var result = await authorization.AuthorizeAsync(user, unitId, AnyRoleInScopeRequirement.Instance);
        if (!result.Succeeded)
        {
            throw ProblemException.Forbidden("Đơn vị này nằm ngoài phạm vi được giao của bạn.");
        }
    }
}
