using Microsoft.AspNetCore.Http.HttpResults;
using MotCua.Core.Common;
using MotCua.Core.Identity;
using MotCua.Web.Api;
using MotCua.Web.Security;

namespace MotCua.Web.Identity;

public static class AuthApi
{
    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("/auth", "Xác thực");
        group.MapPost("/token", IssueToken)
            .AllowAnonymous()
            .RequireRateLimiting(Policies.SignInRateLimit)
            .WithSummary("Lấy mã truy cập (bearer token) bằng tên đăng nhập, mật khẩu và mã TOTP nếu có.");
        return app;
    }

    internal static async Task<Ok<TokenResponse>> IssueToken(TokenRequest request, CredentialService credentials, TokenIssuer tokens, CancellationToken cancellationToken)
    {
        var outcome = await credentials.SignInAsync(request.UserName, request.Password, request.Totp, requireTotpNow: true, cancellationToken);
        return outcome.Status switch
        {
            SignInStatus.Succeeded => TypedResults.Ok(tokens.Issue(outcome.Identity!)),
            SignInStatus.LockedOut => throw LockedOut(),
            _ => throw InvalidCredentials(),
        };
    }

    /// <summary>Deliberately silent about which of user name, password or code was wrong.</summary>
    public static ProblemException InvalidCredentials() => new(401, "invalid_credentials", "Đăng nhập không thành công",
        "Tên đăng nhập, mật khẩu hoặc mã xác thực không đúng.");

    public static ProblemException LockedOut() => new(401, "account_locked", "Tài khoản tạm thời bị khóa",
        "Tài khoản bị khóa tạm thời do đăng nhập sai nhiều lần. Vui lòng thử lại sau 15 phút hoặc liên hệ quản trị viên.");
}
