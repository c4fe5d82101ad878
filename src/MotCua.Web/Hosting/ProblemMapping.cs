using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Common;

namespace MotCua.Web.Hosting;

/// <summary>Turns exceptions into RFC 9457 ProblemDetails with a stable <c>code</c> and a Vietnamese title.</summary>
internal sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            ProblemException p => p,
            DbUpdateConcurrencyException => ProblemException.Conflict("concurrency_conflict", "Dữ liệu đã được người khác thay đổi",
                "Hồ sơ hoặc bản ghi vừa được cập nhật bởi người khác. Vui lòng tải lại và thực hiện lại thao tác."),
            BadHttpRequestException bad => new ProblemException(bad.StatusCode, "malformed_request", "Yêu cầu không hợp lệ",
                "Không đọc được nội dung yêu cầu. Vui lòng kiểm tra định dạng dữ liệu gửi lên."),
            _ => null,
        };
        if (problem is null)
        {
            logger.LogError(exception, "Unhandled exception for {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
            problem = new ProblemException(500, "internal_error", "Lỗi hệ thống", "Đã xảy ra lỗi không mong muốn. Vui lòng thử lại sau hoặc liên hệ quản trị viên.");
        }
        httpContext.Response.StatusCode = problem.Status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = ToProblemDetails(problem),
        });
    }

    public static ProblemDetails ToProblemDetails(ProblemException problem)
    {
        var details = new ProblemDetails
        {
            Status = problem.Status,
            Title = problem.Title,
            Detail = problem.Detail,
        };
        details.Extensions["code"] = problem.Code;
        if (problem.Errors.Count > 0)
        {
            details.Extensions["errors"] = problem.Errors;
        }
        return details;
    }
}

internal static class ProblemDefaults
{
    /// <summary>Fills code, Vietnamese title and trace id on every ProblemDetails the app writes, including bare status codes.</summary>
    public static void Customize(ProblemDetailsContext context)
    {
        var details = context.ProblemDetails;
        var status = details.Status ?? context.HttpContext.Response.StatusCode;
        details.Status = status;
        var (code, title) = status switch
        {
            400 => ("bad_request", "Yêu cầu không hợp lệ"),
            401 => ("unauthorized", "Chưa đăng nhập hoặc phiên đăng nhập đã hết hạn"),
            403 => ("forbidden", "Không có quyền thực hiện"),
            404 => ("not_found", "Không tìm thấy"),
            405 => ("method_not_allowed", "Phương thức không được hỗ trợ"),
            409 => ("conflict", "Xung đột dữ liệu"),
            413 => ("payload_too_large", "Dữ liệu gửi lên quá lớn"),
            415 => ("unsupported_media_type", "Định dạng dữ liệu không được hỗ trợ"),
            429 => ("rate_limited", "Quá nhiều yêu cầu, vui lòng thử lại sau ít phút"),
            _ when status >= 500 => ("internal_error", "Lỗi hệ thống"),
            _ => ("error", "Lỗi"),
        };
        // Problems the framework writes (bare status codes, binding failures) carry no code and an English title.
        if (details.Extensions.TryAdd("code", code))
        {
            details.Title = title;
        }
        details.Extensions["traceId"] = System.Diagnostics.Activity.Current?.Id ?? context.HttpContext.TraceIdentifier;
    }
}
