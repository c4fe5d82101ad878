using MotCua.Core.Common;
using MotCua.Core.Documents;
using MotCua.Core.Reports;
using MotCua.Domain.Organisation;
using MotCua.Web.Api;
using MotCua.Web.Security;

namespace MotCua.Web.Reports;

public static class ReportsApi
{
    /// <summary>Roles that see a unit's reports: its leaders, the monitoring officers and administrators.</summary>
    private static readonly Role[] Readers = [Role.Leader, Role.Monitor, Role.Administrator];

    public static IEndpointRouteBuilder MapReportsApi(this IEndpointRouteBuilder app)
    {
        app.MapApiGroup("/reports", "Báo cáo").MapGet("/processing", Processing).RequireAuthorization(Policies.Reports)
            .WithSummary("Báo cáo tình hình, kết quả giải quyết thủ tục hành chính (mẫu 06) của một đơn vị và các đơn vị trực thuộc trong một kỳ; format=xlsx: tệp Excel.");
        return app;
    }

    internal static async Task<IResult> Processing(Guid? unitId, string? from, string? to, string? format, CurrentOfficer current,
        ProcessingReportQuery reports, TimeProvider time, CancellationToken cancellationToken)
    {
        var period = ProcessingReportQuery.ParsePeriod(from, to);
        if (unitId is not { } unit)
        {
            throw new ProblemException(400, "validation_failed", "Dữ liệu không hợp lệ", "Chọn đơn vị cần báo cáo.",
                new Dictionary<string, string[]> { ["unitId"] = ["Vui lòng chọn đơn vị."] });
        }
        var scope = await current.GetScopeAsync(cancellationToken);
        if (!Readers.Any(role => scope.Covers(role, unit)))
        {
            throw ProblemException.Forbidden("Bạn chỉ xem được báo cáo của đơn vị mình lãnh đạo hoặc theo dõi và các đơn vị trực thuộc.");
        }
        var report = await reports.GetAsync(unit, period, cancellationToken);
        if (format == "xlsx")
        {
            var today = DateOnly.FromDateTime(time.GetUtcNow().ToVietnam().DateTime);
            return TypedResults.File(ProcessingReportWorkbook.Write(report, today), Spreadsheet.ContentType,
                $"bao-cao-giai-quyet-tthc-{report.From:yyyyMMdd}-{report.To:yyyyMMdd}.xlsx");
        }
        return TypedResults.Ok(report);
    }
}
