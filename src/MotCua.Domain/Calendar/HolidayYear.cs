namespace MotCua.Domain.Calendar;

public sealed record CalendarDay(DateOnly Date, string Name);

/// <summary>
/// One year's days off (holidays, Tết, compensation and swapped days) and make-up working Saturdays:
/// either the government's announcement for that year, or the default computed by <see cref="DefaultHolidays"/>.
/// </summary>
public sealed record HolidayYear(int Year, IReadOnlyList<CalendarDay> DaysOff, IReadOnlyList<CalendarDay> MakeUpWorkdays, bool IsAnnounced)
{
    /// <summary>Problems that make a table unusable, in Vietnamese, keyed by field ("daysOff[2].date").</summary>
    public IReadOnlyList<(string Field, string Message)> Validate()
    {
        var errors = new List<(string, string)>();
        var seen = new Dictionary<DateOnly, string>();
        void Check(IReadOnlyList<CalendarDay> days, string list, bool makeUp)
        {
            for (var i = 0; i < days.Count; i++)
            {
                var day = days[i];
                var field = $"{list}[{i}]";
                if (day.Date.Year != Year)
                {
                    errors.Add(($"{field}.date", $"Ngày {day.Date:dd/MM/yyyy} không thuộc năm {Year}."));
                }
                if (string.IsNullOrWhiteSpace(day.Name))
                {
                    errors.Add(($"{field}.name", $"Ngày {day.Date:dd/MM/yyyy} chưa có tên."));
                }
                if (makeUp && day.Date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
                {
                    errors.Add(($"{field}.date", $"Ngày làm bù {day.Date:dd/MM/yyyy} phải là thứ Bảy hoặc Chủ nhật."));
                }
                if (seen.TryGetValue(day.Date, out var first))
                {
                    errors.Add(($"{field}.date", $"Ngày {day.Date:dd/MM/yyyy} bị trùng ({first})."));
                }
                else
                {
                    seen[day.Date] = makeUp ? "ngày làm bù" : "ngày nghỉ";
                }
            }
        }
        Check(DaysOff, "daysOff", makeUp: false);
        Check(MakeUpWorkdays, "makeUpWorkdays", makeUp: true);
        return errors;
    }
}
