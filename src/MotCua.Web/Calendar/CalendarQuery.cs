using System.Globalization;
using System.Text.RegularExpressions;
using MotCua.Core.Calendar;
using MotCua.Core.Common;
using MotCua.Domain.Calendar;

namespace MotCua.Web.Calendar;

public sealed record DueResponse(DateTimeOffset Due, DateTimeOffset Start, decimal Value, string Unit, string Description);

public sealed record CalendarDayResponse(DateOnly Date, bool IsWorkingDay, string Kind, string? Name, string LunarDate);

public sealed record CalendarDaysResponse(IReadOnlyList<CalendarDayResponse> Days);

/// <summary>Parses and answers the public calendar queries; every bad input gets a Vietnamese field error.</summary>
public static partial class CalendarQuery
{
    public const int MaxDays = 366;
    public const decimal MaxValue = 3650;

    [GeneratedRegex(@"(Z|[+-]\d{2}:?\d{2})$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex HasOffset();

    public static async Task<DueResponse> DueAsync(string? start, string? value, string? unit, string? unitId, CalendarProvider calendars, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var startAt = ParseInstant(start, validation);
        if (!ProcessingTime.TryParseUnit(unit, out var timeUnit))
        {
            validation.Add("unit", "Đơn vị thời gian phải là working_days, working_hours hoặc days.");
        }
        if (!decimal.TryParse(value, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var amount))
        {
            validation.Add("value", "Thời hạn giải quyết phải là một số.");
        }
        else if (amount < 0)
        {
            validation.Add("value", "Thời hạn giải quyết không được âm.");
        }
        else if (amount > MaxValue)
        {
            validation.Add("value", $"Thời hạn giải quyết không được vượt quá {MaxValue:0}.");
        }
        else if (timeUnit == TimeUnit.CalendarDays && amount != decimal.Truncate(amount))
        {
            validation.Add("value", "Số ngày theo lịch phải là số nguyên.");
        }
        var unitGuid = await ParseUnitAsync(unitId, calendars, validation, cancellationToken);
        validation.ThrowIfInvalid();

        var calendar = await calendars.ForUnitAsync(unitGuid, cancellationToken);
        var time = new ProcessingTime(amount, timeUnit);
        return new DueResponse(calendar.Due(startAt!.Value, time), startAt.Value, amount, ProcessingTime.Key(timeUnit), time.Vietnamese());
    }

    public static async Task<CalendarDaysResponse> DaysAsync(string? from, string? to, string? unitId, CalendarProvider calendars, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var first = ParseDate(from, "from", validation);
        var last = ParseDate(to, "to", validation);
        if (first is { } a && last is { } b)
        {
            if (b < a)
            {
                validation.Add("to", "Ngày kết thúc phải sau ngày bắt đầu.");
            }
            else if (b.DayNumber - a.DayNumber + 1 > MaxDays)
            {
                validation.Add("to", $"Mỗi lần chỉ tra cứu tối đa {MaxDays} ngày.");
            }
        }
        var unitGuid = await ParseUnitAsync(unitId, calendars, validation, cancellationToken);
        validation.ThrowIfInvalid();

        var calendar = await calendars.ForUnitAsync(unitGuid, cancellationToken);
        var days = new List<CalendarDayResponse>(last!.Value.DayNumber - first!.Value.DayNumber + 1);
        for (var date = first.Value; date <= last.Value; date = date.AddDays(1))
        {
            var info = calendar.Describe(date);
            days.Add(new CalendarDayResponse(date, info.IsWorkingDay, KindKey(info.Kind), info.Name, VietnameseLunarCalendar.FromSolar(date).ToString()));
        }
        return new CalendarDaysResponse(days);
    }

    public static string KindKey(DayKind kind) => kind switch
    {
        DayKind.Working => "working",
        DayKind.Weekend => "weekend",
        DayKind.DayOff => "day_off",
        _ => "make_up",
    };

    private static DateTimeOffset? ParseInstant(string? text, Validation validation)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            validation.Add("start", "Vui lòng nhập thời điểm tiếp nhận (start).");
            return null;
        }
        var trimmed = text.Trim();
        var styles = DateTimeStyles.AllowWhiteSpaces;
        if (HasOffset().IsMatch(trimmed))
        {
            if (DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, styles, out var withOffset) && InRange(withOffset))
            {
                return withOffset;
            }
        }
        else if (DateTime.TryParse(trimmed, CultureInfo.InvariantCulture, styles, out var local))
        {
            // Without an offset, the time is read as Vietnam time (API.md).
            var instant = new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), WorkingCalendar.VietnamOffset);
            if (InRange(instant))
            {
                return instant;
            }
        }
        validation.Add("start", "Thời điểm tiếp nhận không đúng dạng ISO 8601 (ví dụ 2026-11-23T09:00:00) hoặc ngoài khoảng năm được hỗ trợ.");
        return null;
    }

    private static bool InRange(DateTimeOffset instant) =>
        instant.ToOffset(WorkingCalendar.VietnamOffset).Year is >= CalendarService.MinYear and <= CalendarService.MaxYear - 20;

    private static DateOnly? ParseDate(string? text, string field, Validation validation)
    {
        if (DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            && date.Year is >= CalendarService.MinYear and <= CalendarService.MaxYear)
        {
            return date;
        }
        validation.Add(field, $"Ngày \"{text}\" không đúng dạng yyyy-MM-dd hoặc ngoài khoảng năm được hỗ trợ.");
        return null;
    }

    private static async Task<Guid?> ParseUnitAsync(string? text, CalendarProvider calendars, Validation validation, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (Guid.TryParse(text, out var id) && await calendars.UnitExistsAsync(id, cancellationToken))
        {
            return id;
        }
        validation.Add("unitId", "Không tìm thấy đơn vị.");
        return null;
    }
}
