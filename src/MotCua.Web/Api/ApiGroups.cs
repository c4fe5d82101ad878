using Microsoft.AspNetCore.Antiforgery;
using MotCua.Core.Common;
using MotCua.Web.Security;

namespace MotCua.Web.Api;

public static class ApiGroups
{
    /// <summary>A group under <c>/api/v1</c>; unsafe calls made with the session cookie must carry the anti-forgery header.</summary>
    public static RouteGroupBuilder MapApiGroup(this IEndpointRouteBuilder app, string prefix, string tag) =>
        app.MapGroup("/api/v1" + prefix)
            .WithTags(tag)
            .AddEndpointFilter<CookieAntiforgeryFilter>();
}

/// <summary>
/// Bearer calls cannot be forged by another site; cookie calls from the UI's scripts can, so they must
/// echo the anti-forgery token in the <c>RequestVerificationToken</c> header.
/// </summary>
internal sealed class CookieAntiforgeryFilter(IAntiforgery antiforgery) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var unsafeMethod = !(HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method) || HttpMethods.IsOptions(http.Request.Method));
        if (unsafeMethod && http.User.Identity?.IsAuthenticated == true && !OfficerSessionMiddleware.IsBearer(http)
            && !await antiforgery.IsRequestValidAsync(http))
        {
            throw ProblemException.BadRequest("antiforgery_failed", "Phiên làm việc không hợp lệ",
                "Yêu cầu thiếu mã chống giả mạo. Vui lòng tải lại trang và thử lại.");
        }
        return await next(context);
    }
}

/// <summary>Multipart uploads of one file, with malformed bodies answered as bad input rather than server errors.</summary>
public static class ApiForms
{
    /// <summary>The form of a multipart request, or null when the request has none.</summary>
    public static async Task<IFormCollection?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            return null;
        }
        try
        {
            return await request.ReadFormAsync(cancellationToken);
        }
        catch (InvalidDataException)
        {
            throw ProblemException.BadRequest("invalid_form", "Dữ liệu gửi lên không đúng định dạng", "Nội dung multipart/form-data không hợp lệ.");
        }
    }

    public static async Task<IFormFile> SingleFileAsync(HttpRequest request, string missingDetail, CancellationToken cancellationToken)
    {
        var file = (await ReadAsync(request, cancellationToken))?.Files.GetFile("file");
        if (file is null || file.Length == 0)
        {
            throw ProblemException.BadRequest("file_required", "Chưa chọn tệp", missingDetail);
        }
        return file;
    }
}
