using Microsoft.AspNetCore.Authorization;
using MotCua.Domain.Organisation;

namespace MotCua.Web.Security;

/// <summary>Password changed and second factor enrolled where required.</summary>
public sealed class FullAccessRequirement : IAuthorizationRequirement;

/// <summary>Holds at least one of the roles, somewhere.</summary>
public sealed class RoleRequirement(params Role[] roles) : IAuthorizationRequirement
{
    public IReadOnlyList<Role> Roles { get; } = roles;
}

/// <summary>Holds the role on the unit (the resource, a unit id) or one of its ancestors.</summary>
public sealed class UnitScopeRequirement(Role role) : IAuthorizationRequirement
{
    public Role Role { get; } = role;
}

/// <summary>Holds any role on the unit or above it.</summary>
public sealed class AnyRoleInScopeRequirement : IAuthorizationRequirement
{
    public static readonly AnyRoleInScopeRequirement Instance = new();
}

internal sealed class FullAccessHandler(CurrentOfficer current) : AuthorizationHandler<FullAccessRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, FullAccessRequirement requirement)
    {
        if (current.HasFullAccess)
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }
}

internal sealed class RoleHandler(CurrentOfficer current) : AuthorizationHandler<RoleRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, RoleRequirement requirement)
    {
        var scope = await current.GetScopeAsync(CancellationToken.None);
        if (requirement.Roles.Any(scope.HasRole))
        {
            context.Succeed(requirement);
        }
    }
}

internal sealed class UnitScopeHandler(CurrentOfficer current) : AuthorizationHandler<UnitScopeRequirement, Guid>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, UnitScopeRequirement requirement, Guid unitId)
    {
        var scope = await current.GetScopeAsync(CancellationToken.None);
        if (scope.Covers(requirement.Role, unitId))
        {
            context.Succeed(requirement);
        }
    }
}

internal sealed class AnyRoleInScopeHandler(CurrentOfficer current) : AuthorizationHandler<AnyRoleInScopeRequirement, Guid>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, AnyRoleInScopeRequirement requirement, Guid unitId)
    {
        var scope = await current.GetScopeAsync(CancellationToken.None);
        if (scope.CoversAny(unitId))
        {
            context.Succeed(requirement);
        }
    }
}
