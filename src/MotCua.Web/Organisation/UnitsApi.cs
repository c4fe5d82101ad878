using Microsoft.AspNetCore.Http.HttpResults;
using MotCua.Core.Organisation;
using MotCua.Domain.Organisation;
using MotCua.Web.Api;
using MotCua.Web.Security;

namespace MotCua.Web.Organisation;

public static class UnitsApi
{
    public static IEndpointRouteBuilder MapUnitsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("/units", "Tổ chức");
        group.MapGet("/", List).RequireAuthorization(Policies.Officer)
            .WithSummary("Các đơn vị trong phạm vi được giao của cán bộ, theo thứ tự cây.");
        group.MapGet("/{id:guid}", Get).RequireAuthorization(Policies.Officer);
        group.MapPost("/", Create).RequireAuthorization(Policies.Administrator)
            .WithSummary("Tạo đơn vị dưới một đơn vị cấp trên thuộc phạm vi quản trị.");
        group.MapPut("/{id:guid}", Update).RequireAuthorization(Policies.Administrator)
            .WithSummary("Sửa tên, loại, mã định danh, trạng thái hoặc chuyển đơn vị (cùng cả cây con).");
        return app;
    }

    internal static async Task<Ok<IReadOnlyList<UnitSummary>>> List(CurrentOfficer current, UnitService units, CancellationToken cancellationToken)
    {
        var scope = await current.GetScopeAsync(cancellationToken);
        return TypedResults.Ok(await units.ListAsync(scope.AllUnits(), cancellationToken));
    }

    internal static async Task<Ok<UnitSummary>> Get(Guid id, ScopeGuard guard, UnitService units, CancellationToken cancellationToken)
    {
        await guard.EnsureVisibleAsync(id);
        return TypedResults.Ok(await units.GetAsync(id, cancellationToken));
    }

    internal static async Task<Created<UnitSummary>> Create(CreateUnitRequest request, ScopeGuard guard, UnitService units, CancellationToken cancellationToken)
    {
        if (request.ParentId is { } parent)
        {
            await guard.EnsureAsync(Role.Administrator, parent);
        }
        var unit = await units.CreateAsync(request, cancellationToken);
        return TypedResults.Created($"/api/v1/units/{unit.Id}", unit);
    }

    internal static async Task<Ok<UnitSummary>> Update(Guid id, UpdateUnitRequest request, ScopeGuard guard, UnitService units, CancellationToken cancellationToken)
    {
        await guard.EnsureAsync(Role.Administrator, request.ParentId is { } parent ? [id, parent] : [id]);
        return TypedResults.Ok(await units.UpdateAsync(id, request, cancellationToken));
    }
}
