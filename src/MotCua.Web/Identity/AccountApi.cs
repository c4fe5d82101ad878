using Microsoft.AspNetCore.Http.HttpResults;
using MotCua.Core.Common;
using MotCua.Core.Identity;
using MotCua.Core.Organisation;
using MotCua.Domain.Organisation;
using MotCua.Web.Api;
using MotCua.Web.Security;

namespace MotCua.Web.Identity;

public sealed record AccountResponse(
    Guid Id,
    string UserName,
    string FullName,
    Guid UnitId,
    string UnitName,
    bool TotpEnabled,
    bool TotpEnrolmentRequired,
    bool PasswordChangeRequired,
    IReadOnlyList<GrantView> Roles);

public sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword);

public sealed record ConfirmTotpRequest(string? Code);

public static class AccountApi
{
    public static IEndpointRouteBuilder MapAccountApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("/account", "Tài khoản").RequireAuthorization(Policies.Account);
        group.MapGet("/", GetAccount).WithSummary("Thông tin tài khoản đang đăng nhập và vai trò được giao.");
        group.MapPost("/password", ChangePassword).WithSummary("Đổi mật khẩu; mã truy cập cũ hết hiệu lực.");
        group.MapPost("/totp/setup", BeginTotp).WithSummary("Tạo khóa bí mật và mã QR để đăng ký ứng dụng xác thực.");
        group.MapPost("/totp/confirm", ConfirmTotp).WithSummary("Xác nhận mã 6 số để bật xác thực hai lớp.");
        return app;
    }

    internal static async Task<Ok<AccountResponse>> GetAccount(CurrentOfficer current, UnitTreeSource trees, CancellationToken cancellationToken)
    {
        var identity = current.Identity ?? throw new ProblemException(401, "unauthorized", "Chưa đăng nhập");
        var tree = await trees.GetAsync(cancellationToken);
        return TypedResults.Ok(new AccountResponse(
            identity.Id,
            identity.UserName,
            identity.FullName,
            identity.UnitId,
            tree.Find(identity.UnitId)?.Name ?? "",
            identity.TotpEnabled,
            identity.TotpEnrolmentPending,
            identity.MustChangePassword,
            identity.Grants.Select(g => new GrantView(g.Role.Key(), g.Role.Vietnamese(), g.UnitId, tree.Find(g.UnitId)?.Name ?? "")).ToList()));
    }

    internal static async Task<NoContent> ChangePassword(ChangePasswordRequest request, CurrentOfficer current, CredentialService credentials, CancellationToken cancellationToken)
    {
        await credentials.ChangePasswordAsync(current.OfficerId!.Value, request.CurrentPassword, request.NewPassword, cancellationToken);
        return TypedResults.NoContent();
    }

    internal static async Task<Ok<TotpEnrolment>> BeginTotp(CurrentOfficer current, CredentialService credentials, CancellationToken cancellationToken) =>
        TypedResults.Ok(await credentials.BeginTotpEnrolmentAsync(current.OfficerId!.Value, cancellationToken));

    internal static async Task<NoContent> ConfirmTotp(ConfirmTotpRequest request, CurrentOfficer current, CredentialService credentials, CancellationToken cancellationToken)
    {
        await credentials.ConfirmTotpEnrolmentAsync(current.OfficerId!.Value, request.Code, cancellationToken);
        return TypedResults.NoContent();
    }
}
