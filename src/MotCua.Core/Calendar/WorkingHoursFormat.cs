using System.Globalization;
using System.Text.Json;
using MotCua.Domain.Calendar;

namespace MotCua.Core.Calendar;

/// <summary>Reads and writes working schedules: the stored JSON and the API's records.</summary>
public static class WorkingHoursFormat
{
    private static readonly (DayOfWeek Day, string Key)[] Days =
    [
        (DayOfWeek.Monday, "monday"), (DayOfWeek.Tuesday, "tuesday"), (DayOfWeek.Wednesday, "wednesday"),
        (DayOfWeek.Thursday, "thursday"), (DayOfWeek.Friday, "friday"), (DayOfWeek.Saturday, "saturday"), (DayOfWeek.Sunday, "sunday"),
    ];

    public static string ToJson(WorkingSchedule schedule) =>
        JsonSerializer.Serialize(Days.ToDictionary(d => d.Key, d => schedule.Windows(d.Day).Select(w => new[] { Text(w.Start), Text(w.End) }).ToArray()));

    public static WorkingSchedule FromJson(string json, TimeOnly sameDayCutoff)
    {
        var stored = JsonSerializer.Deserialize<Dictionary<string, string[][]>>(json) ?? [];
        var windows = Days.ToDictionary(
            d => d.Day,
            d => (IReadOnlyList<WorkingWindow>)(stored.TryGetValue(d.Key, out var list) ? list : [])
                .Select(pair => new WorkingWindow(TimeOnly.ParseExact(pair[0], "HH:mm", CultureInfo.InvariantCulture), TimeOnly.ParseExact(pair[1], "HH:mm", CultureInfo.InvariantCulture)))
                .ToList());
        return new WorkingSchedule(windows, sameDayCutoff);
    }

    public static IReadOnlyList<WorkingDayDto> ToDays(WorkingSchedule schedule) =>
        Days.Select(d => new WorkingDayDto(d.Key, Capitalise(WorkingSchedule.DayName(d.Day)),
            schedule.Windows(d.Day).Select(w => new WorkingWindowDto(Text(w.Start), Text(w.End))).ToList())).ToList();

    /// <summary>Parses the API's days; problems come back as Vietnamese messages keyed by field.</summary>
    public static WorkingSchedule? Parse(SetWorkingHoursRequest request, List<(string Field, string Message)> errors)
    {
        if (!TryTime(request.SameDayCutoff, out var cutoff))
        {
            errors.Add(("sameDayCutoff", "Giờ chốt tiếp nhận trong ngày không đúng dạng HH:mm."));
        }
        var windows = Days.ToDictionary(d => d.Day, _ => (IReadOnlyList<WorkingWindow>)[]);
        foreach (var (day, index) in (request.Days ?? []).Select((d, i) => (d, i)))
        {
            var key = Days.FirstOrDefault(d => d.Key == day.Day?.ToLowerInvariant());
            if (key.Key is null)
            {
                errors.Add(($"days[{index}].day", "Ngày trong tuần không hợp lệ."));
                continue;
            }
            var list = new List<WorkingWindow>();
            foreach (var (window, w) in (day.Windows ?? []).Select((x, i) => (x, i)))
            {
                if (TryTime(window.Start, out var start) && TryTime(window.End, out var end))
                {
                    list.Add(new WorkingWindow(start, end));
                }
                else
                {
                    errors.Add(($"days[{index}].windows[{w}]", "Giờ làm việc không đúng dạng HH:mm."));
                }
            }
            windows[key.Day] = list;
        }
        if (errors.Count > 0)
        {
            return null;
        }
        var schedule = new WorkingSchedule(windows, cutoff);
        errors.AddRange(schedule.Problems.Select(p => ("days", p)));
        return errors.Count > 0 ? null : schedule;
    }

    private static bool TryTime(string? text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text?.Trim(), ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time);

    private static string Text(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    private static string Capitalise(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
