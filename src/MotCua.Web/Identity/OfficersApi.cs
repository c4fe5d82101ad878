using Microsoft.AspNetCore.Http.HttpResults;
using MotCua.Core.Common;
using MotCua.Core.Identity;
using MotCua.Domain.Organisation;
using MotCua.Web.Api;
using MotCua.Web.Security;

namespace MotCua.Web.Identity;

public static class OfficersApi
{
    public static IEndpointRouteBuilder MapOfficersApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("/officers", "Cán bộ").RequireAuthorization(Policies.Administrator);
        group.MapGet("/", List).WithSummary("Cán bộ thuộc các đơn vị trong phạm vi quản trị.");
        group.MapGet("/{id:guid}", Get);
        group.MapPost("/", Create).WithSummary("Tạo tài khoản; mật khẩu ban đầu được sinh ngẫu nhiên, trả về một lần.");
        group.MapPut("/{id:guid}", Update).WithSummary("Sửa thông tin, đơn vị, trạng thái và vai trò.");
        group.MapPost("/{id:guid}/reset-password", ResetPassword);
        group.MapPost("/{id:guid}/unlock", Unlock);
        group.MapPost("/{id:guid}/reset-totp", ResetTotp);
        return app;
    }

    internal static async Task<Ok<Page<OfficerSummary>>> List(
        Guid? unitId, string? q, int? page, int? pageSize, CurrentOfficer current, OfficerService officers, CancellationToken cancellationToken)
    {
        var scope = await current.GetScopeAsync(cancellationToken);
        var (number, size) = Paging.Clamp(page, pageSize);
        return TypedResults.Ok(await officers.ListAsync(scope.UnitsFor(Role.Administrator), unitId, q, number, size, cancellationToken));
    }

    internal static async Task<Ok<OfficerSummary>> Get(Guid id, ScopeGuard guard, OfficerService officers, CancellationToken cancellationToken)
    {
        await guard.EnsureAsync(Role.Administrator, await officers.UnitsOfAsync(id, cancellationToken));
        return TypedResults.Ok(await officers.GetAsync(id, cancellationToken));
    }

    internal static async Task<Created<OfficerWithPassword>> Create(CreateOfficerRequest request, ScopeGuard guard, OfficerService officers, CancellationToken cancellationToken)
    {
        await guard.EnsureAsync(Role.Administrator, [request.UnitId, .. (request.Roles ?? []).Select(r => r.UnitId)]);
        var created = await officers.CreateAsync(request, cancellationToken);
        return TypedResults.Created($"/api/v1/officers/{created.Officer.Id}", created);
    }

    internal static async Task<Ok<OfficerSummary>> Update(Guid id, UpdateOfficerRequest request, ScopeGuard guard, OfficerService officers, CancellationToken cancellationToken)
    {
        await guard.EnsureAsync(Role.Administrator, [
            .. await officers.UnitsOfAsync(id, cancellationToken),
            request.UnitId,
            .. (request.Roles ?? []).Select(r => r.UnitId)]);
        return TypedResults.Ok(await officers.UpdateAsync(id, request, cancellationToken));
    }

    internal static async Task<Ok<OfficerWithPassword>> ResetPassword(Guid id, ScopeGuard guard, OfficerService officers, CancellationToken cancellationToken)
    {
        await guard.EnsureAsync(Role.Administrator, await officers.UnitsOfAsync(id, cancellationToken));
        return TypedResults.Ok(await officers.ResetPasswordAsync(id, cancellationToken));
    }

    internal static async Task<Ok<OfficerSummary>> Unlock(Guid id, ScopeGuard guard, OfficerService officers, CancellationToken cancellationToken)
    {
        await guard.EnsureAsync(Role.Administrator, await officers.UnitsOfAsync(id, cancellationToken));
        return TypedResults.Ok(await officers.UnlockAsync(id, cancellationToken));
    }

    internal static async Task<Ok<OfficerSummary>> ResetTotp(Guid id, ScopeGuard guard, OfficerService officers, CancellationToken cancellationToken)
    {
        await guard.EnsureAsync(Role.Administrator, await officers.UnitsOfAsync(id, cancellationToken));
        return TypedResults.Ok(await officers.ResetTotpAsync(id, cancellationToken));
    }
}
