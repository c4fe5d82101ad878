using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using MotCua.Core.Calendar;
using MotCua.Domain.Organisation;
using MotCua.Web.Api;
using MotCua.Web.Security;

namespace MotCua.Web.Calendar;

public static class CalendarApi
{
    public static IEndpointRouteBuilder MapCalendarApi(this IEndpointRouteBuilder app)
    {
        var calendar = app.MapApiGroup("/calendar", "Lịch làm việc");
        calendar.MapGet("/due", Due).AllowAnonymous().RequireRateLimiting(Policies.PublicRateLimit)
            .WithSummary("Thời điểm hẹn trả: từ thời điểm tiếp nhận và thời hạn (ngày làm việc, giờ làm việc, ngày; 0 = trong ngày).");
        calendar.MapGet("/days", Days).AllowAnonymous().RequireRateLimiting(Policies.PublicRateLimit)
            .WithSummary("Ngày làm việc, ngày nghỉ, ngày làm bù và ngày âm lịch trong một khoảng (tối đa 366 ngày).");
        calendar.MapGet("/years/{year:int}", GetYear).RequireAuthorization(Policies.Officer)
            .WithSummary("Lịch nghỉ của một năm: đã công bố (announced) hoặc tính theo quy định (computed).");
        calendar.MapPut("/years/{year:int}", SaveYear).RequireAuthorization(Policies.Administrator)
            .WithSummary("Ghi lịch nghỉ đã công bố của một năm (thay toàn bộ).");
        calendar.MapDelete("/years/{year:int}", DeleteYear).RequireAuthorization(Policies.Administrator)
            .WithSummary("Xóa lịch đã công bố; năm đó dùng lịch tính theo quy định.");
        calendar.MapGet("/holidays.json", Export).RequireAuthorization(Policies.Officer)
            .WithSummary("Xuất các năm đã công bố theo định dạng holidays.json.");
        calendar.MapPost("/holidays.json", Import).RequireAuthorization(Policies.Administrator)
            .WithSummary("Nhập tệp holidays.json (dryRun=true: chỉ kiểm tra). Toàn bộ hoặc không gì cả.");

        var units = app.MapApiGroup("/units", "Tổ chức");
        units.MapGet("/{id:guid}/working-hours", GetWorkingHours).RequireAuthorization(Policies.Officer);
        units.MapPut("/{id:guid}/working-hours", SetWorkingHours).RequireAuthorization(Policies.Administrator)
            .WithSummary("Đặt giờ làm việc riêng của đơn vị (áp dụng cho các đơn vị trực thuộc).");
        units.MapDelete("/{id:guid}/working-hours", ClearWorkingHours).RequireAuthorization(Policies.Administrator);
        return app;
    }

    internal static async Task<Ok<DueResponse>> Due(string? start, string? value, string? unit, string? unitId, CalendarProvider calendars, CancellationToken cancellationToken) =>
        TypedResults.Ok(await CalendarQuery.DueAsync(start, value, unit, unitId, calendars, cancellationToken));

    internal static async Task<Ok<CalendarDaysResponse>> Days(string? from, string? to, string? unitId, CalendarProvider calendars, CancellationToken cancellationToken) =>
        TypedResults.Ok(await CalendarQuery.DaysAsync(from, to, unitId, calendars, cancellationToken));

    internal static async Task<Ok<HolidayYearView>> GetYear(int year, CalendarService service, CancellationToken cancellationToken) =>
        TypedResults.Ok(await service.GetYearAsync(year, cancellationToken));

    internal static async Task<Ok<HolidayYearView>> SaveYear(int year, SaveHolidayYearRequest request, ScopeGuard guard, CalendarService service, CancellationToken cancellationToken)
    {
        await guard.EnsureRootAsync(Role.Administrator);
        return TypedResults.Ok(await service.SaveYearAsync(year, request, cancellationToken));
    }

    internal static async Task<NoContent> DeleteYear(int year, ScopeGuard guard, CalendarService service, CancellationToken cancellationToken)
    {
        await guard.EnsureRootAsync(Role.Administrator);
        await service.DeleteYearAsync(year, cancellationToken);
        return TypedResults.NoContent();
    }

    internal static async Task<FileContentHttpResult> Export(CalendarService service, CancellationToken cancellationToken)
    {
        var document = await service.ExportAsync(cancellationToken);
        var bytes = JsonSerializer.SerializeToUtf8Bytes(document, HolidaysJson.Options);
        return TypedResults.File(bytes, "application/json", "holidays.json");
    }

    internal static async Task<Ok<HolidayImportResult>> Import(HolidaysDocument document, bool? dryRun, ScopeGuard guard, CalendarService service, CancellationToken cancellationToken)
    {
        await guard.EnsureRootAsync(Role.Administrator);
        return TypedResults.Ok(await service.ImportAsync(document, dryRun ?? false, cancellationToken));
    }

    internal static async Task<Ok<WorkingHoursView>> GetWorkingHours(Guid id, ScopeGuard guard, CalendarService service, CancellationToken cancellationToken)
    {
        await guard.EnsureVisibleAsync(id);
        return TypedResults.Ok(await service.GetWorkingHoursAsync(id, cancellationToken));
    }

    internal static async Task<Ok<WorkingHoursView>> SetWorkingHours(Guid id, SetWorkingHoursRequest request, ScopeGuard guard, CalendarService service, CancellationToken cancellationToken)
    {
        await guard.EnsureAsync(Role.Administrator, id);
        return TypedResults.Ok(await service.SetWorkingHoursAsync(id, request, cancellationToken));
    }

    internal static async Task<Ok<WorkingHoursView>> ClearWorkingHours(Guid id, ScopeGuard guard, CalendarService service, CancellationToken cancellationToken)
    {
        await guard.EnsureAsync(Role.Administrator, id);
        return TypedResults.Ok(await service.ClearWorkingHoursAsync(id, cancellationToken));
    }
}

/// <summary>The holidays.json file as people read it: indented, Vietnamese letters unescaped.</summary>
public static class HolidaysJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
