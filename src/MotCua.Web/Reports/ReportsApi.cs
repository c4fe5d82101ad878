using Microsoft.AspNetCore.Http.HttpResults;
using MotCua.Core.Common;
using MotCua.Core.Documents;
using MotCua.Core.Jobs;
using MotCua.Core.Reports;
using MotCua.Domain.Organisation;
using MotCua.Domain.Reports;
using MotCua.Web.Api;
using MotCua.Web.Security;

namespace MotCua.Web.Reports;

public static class ReportsApi
{

    public static IEndpointRouteBuilder MapReportsApi(this IEndpointRouteBuilder app)
    {
        app.MapApiGroup("/reports", "Báo cáo").MapGet("/processing", Processing).RequireAuthorization(Policies.Reports)
            .WithSummary("Báo cáo tình hình, kết quả giải quyết thủ tục hành chính (mẫu 06) của một đơn vị và các đơn vị trực thuộc trong một kỳ; format=xlsx: tệp Excel; format=pdf: tệp PDF.");
        app.MapApiGroup("/indicators", "Báo cáo").MapGet("/service-index", ServiceIndexOf).RequireAuthorization(Policies.Reports)
            .WithSummary("Bộ chỉ số phục vụ người dân, doanh nghiệp (Quyết định 766/QĐ-TTg) của một đơn vị và các đơn vị trực thuộc trong một kỳ.");
        var targets = app.MapApiGroup("/indicators/targets", "Báo cáo");
        targets.MapGet("/{year:int}", TargetsOf).RequireAuthorization(Policies.Reports)
            .WithSummary("Chỉ tiêu năm: chỉ tiêu chung của tỉnh và chỉ tiêu riêng của từng đơn vị (kèm lý do).");
        targets.MapGet("/{year:int}/off-track", OffTrack).RequireAuthorization(Policies.Reports)
            .WithSummary("Các đơn vị (trong phạm vi được xem) chưa đạt chỉ tiêu năm, tính từ đầu năm đến nay.");
        targets.MapPut("/{year:int}/{itemKey}", SetTarget).RequireAuthorization(Policies.Administrator)
            .WithSummary("Đặt chỉ tiêu chung (không có unitId; quản trị cấp tỉnh) hoặc chỉ tiêu riêng của một đơn vị (unitId và lý do); percent từ 0 đến 100.");
        app.MapApiGroup("/admin/import", "Báo cáo").MapPost("/dossiers", ImportHistory).RequireAuthorization(Policies.Administrator).DisableAntiforgery()
            .WithSummary("Nhập hồ sơ và lịch sử xử lý từ hệ thống một cửa cũ (multipart: file JSON lines, dryRun); chạy nền, theo dõi tại /api/v1/jobs/{id}; không nhập lại hồ sơ đã có (sourceId).");
        app.MapApiGroup("/admin/reports", "Báo cáo").MapPost("/reconcile", Reconcile).RequireAuthorization(Policies.Administrator)
            .WithSummary("Đối soát số liệu báo cáo với dữ liệu hồ sơ ngay (việc này cũng chạy tự động hằng đêm): tính lại, báo các sai lệch và sửa; theo dõi tại /api/v1/jobs/{id}.");
        return app;
    }

    internal static async Task<Accepted<JobView>> Reconcile(ScopeGuard guard, JobQueue jobs, CancellationToken cancellationToken)
    {
        await guard.EnsureRootAsync(Role.Administrator);
        var job = await jobs.EnqueueAsync(FigureReconciliation.JobKind, new { }, null, null, cancellationToken);
        return TypedResults.Accepted($"/api/v1/jobs/{job.Id}", JobQueue.View(job));
    }

    internal static async Task<Ok<IReadOnlyList<TargetEntry>>> TargetsOf(int year, TargetService targets, CancellationToken cancellationToken) =>
        TypedResults.Ok(await targets.ListAsync(year, cancellationToken));

    internal static async Task<Ok<IReadOnlyList<OffTrackUnit>>> OffTrack(int year, CurrentOfficer current, ServiceIndexQuery indicators, TimeProvider time, CancellationToken cancellationToken)
    {
        if (year is < 2000 or > 2100)
        {
            throw new ProblemException(400, "validation_failed", "Dữ liệu không hợp lệ", "Năm phải trong khoảng 2000–2100.",
                new Dictionary<string, string[]> { ["year"] = ["Năm phải trong khoảng 2000–2100."] });
        }
        var scope = await current.GetScopeAsync(cancellationToken);
        var today = time.Today();
        if (year > today.Year)
        {
            return TypedResults.Ok<IReadOnlyList<OffTrackUnit>>([]);
        }
        return TypedResults.Ok(await indicators.OffTrackAsync(ReportPeriods.Agencies(scope), ReportPeriods.YearToDate(year, today), cancellationToken));
    }

    internal static async Task<NoContent> SetTarget(int year, string itemKey, SetTargetRequest request, ScopeGuard guard, TargetService targets, CancellationToken cancellationToken)
    {
        if (request.UnitId is { } unit)
        {
            await guard.EnsureAsync(Role.Administrator, unit);
        }
        else
        {
            await guard.EnsureRootAsync(Role.Administrator);
        }
        await targets.SetAsync(year, itemKey, request, cancellationToken);
        return TypedResults.NoContent();
    }

    internal static async Task<Accepted<JobView>> ImportHistory(HttpRequest request, ScopeGuard guard, HistoryImportStarter starter, CancellationToken cancellationToken)
    {
        await guard.EnsureRootAsync(Role.Administrator);
        var form = await ApiForms.ReadAsync(request, cancellationToken);
        var dryRun = form?["dryRun"].FirstOrDefault() is not { } flag || flag is "true" or "on" or "1";
        var job = await starter.StartAsync(form?.Files.GetFile("file"), dryRun, cancellationToken);
        return TypedResults.Accepted($"/api/v1/jobs/{job.Id}", job);
    }

    internal static async Task<Ok<ServiceIndexResponse>> ServiceIndexOf(Guid? unitId, string? from, string? to, CurrentOfficer current,
        ServiceIndexQuery indicators, CancellationToken cancellationToken)
    {
        var (unit, period) = await ReadableAsync(unitId, from, to, current, cancellationToken);
        var view = await indicators.GetAsync(unit, period, cancellationToken);
        return TypedResults.Ok(new ServiceIndexResponse(view.UnitId, view.UnitName, view.From, view.To,
            view.Index.Total, view.Index.Max, view.Index.ApplicableMax, view.Index.Groups, view.Targets));
    }

    internal static async Task<IResult> Processing(Guid? unitId, string? from, string? to, string? format, CurrentOfficer current,
        ProcessingReportQuery reports, ProcessingReportPdf pdf, TimeProvider time, CancellationToken cancellationToken)
    {
        if (format is not (null or "json" or "xlsx" or "pdf"))
        {
            throw new ProblemException(400, "validation_failed", "Dữ liệu không hợp lệ", "Định dạng phải là json, xlsx hoặc pdf.",
                new Dictionary<string, string[]> { ["format"] = ["Định dạng phải là json, xlsx hoặc pdf."] });
        }
        var (unit, period) = await ReadableAsync(unitId, from, to, current, cancellationToken);
        var report = await reports.GetAsync(unit, period, cancellationToken);
        var name = $"bao-cao-giai-quyet-tthc-{report.From:yyyyMMdd}-{report.To:yyyyMMdd}";
        return format switch
        {
            "xlsx" => TypedResults.File(ProcessingReportWorkbook.Write(report, time.Today()), Spreadsheet.ContentType, $"{name}.xlsx"),
            "pdf" => TypedResults.File(pdf.Write(report, time.Today()), ProcessingReportPdf.ContentType, $"{name}.pdf"),
            _ => TypedResults.Ok(report),
        };
    }

    /// <summary>The period and unit of a report request, refused unless the officer reads reports of that unit.</summary>
    private static async Task<(Guid Unit, ReportPeriod Period)> ReadableAsync(Guid? unitId, string? from, string? to, CurrentOfficer current, CancellationToken cancellationToken)
    {
        var period = ProcessingReportQuery.ParsePeriod(from, to);
        if (unitId is not { } unit)
        {
            throw new ProblemException(400, "validation_failed", "Dữ liệu không hợp lệ", "Chọn đơn vị cần báo cáo.",
                new Dictionary<string, string[]> { ["unitId"] = ["Vui lòng chọn đơn vị."] });
        }
        ReportPeriods.EnsureReadable(await current.GetScopeAsync(cancellationToken), unit);
        return (unit, period);
    }
}

/// <summary>The 766 index as the API returns it: the total out of 100 and out of the applicable points, the groups and their items, the year's targets.</summary>
public sealed record ServiceIndexResponse(
    Guid UnitId,
    string UnitName,
    DateOnly From,
    DateOnly To,
    decimal? Total,
    decimal Max,
    decimal ApplicableMax,
    IReadOnlyList<IndexGroup> Groups,
    IReadOnlyList<TargetView> Targets);
