namespace MotCua.Domain.Calendar;

/// <summary>
/// The days off of a year for which the government has announced nothing: Labour Code 2019 art. 112(1)
/// as amended (Vietnam Culture Day 24/11 from 2026), with art. 112(3) compensation for a holiday on a
/// weekly rest day. Tết is the last day of the lunar year and the first four of the new one; 2/9 alone
/// (its adjacent day is only ever fixed by the yearly announcement).
/// </summary>
public static class DefaultHolidays
{
    public static HolidayYear For(int year)
    {
        var holidays = new List<CalendarDay>
        {
            new(new DateOnly(year, 1, 1), "Tết Dương lịch"),
        };
        var newYear = VietnameseLunarCalendar.NewYear(year);
        holidays.Add(new CalendarDay(newYear.AddDays(-1), "Tết Nguyên đán (30 Tết)"));
        for (var i = 0; i < 4; i++)
        {
            holidays.Add(new CalendarDay(newYear.AddDays(i), $"Tết Nguyên đán (mùng {i + 1})"));
        }
        if (VietnameseLunarCalendar.ToSolar(new LunarDate(10, 3, year, false)) is { } hungKings)
        {
            holidays.Add(new CalendarDay(hungKings, "Giỗ Tổ Hùng Vương (10/3 âm lịch)"));
        }
        holidays.Add(new CalendarDay(new DateOnly(year, 4, 30), "Ngày Chiến thắng"));
        holidays.Add(new CalendarDay(new DateOnly(year, 5, 1), "Ngày Quốc tế Lao động"));
        holidays.Add(new CalendarDay(new DateOnly(year, 9, 2), "Quốc khánh"));
        if (year >= 2026)
        {
            holidays.Add(new CalendarDay(new DateOnly(year, 11, 24), "Ngày Văn hóa Việt Nam"));
        }

        // Labour Code art. 112(3): a holiday on a weekly rest day is taken on the next working day.
        var taken = holidays.Select(h => h.Date).ToHashSet();
        var compensation = new List<CalendarDay>();
        foreach (var holiday in holidays.OrderBy(h => h.Date).Where(h => IsWeekend(h.Date)))
        {
            var day = holiday.Date.AddDays(1);
            while (IsWeekend(day) || taken.Contains(day))
            {
                day = day.AddDays(1);
            }
            taken.Add(day);
            compensation.Add(new CalendarDay(day, $"Nghỉ bù {holiday.Name} ({holiday.Date:dd/MM})"));
        }
        // A Tết of early January can push 30 Tết or its compensation into another year: keep only this year's days.
        var days = holidays.Concat(compensation).Where(d => d.Date.Year == year).OrderBy(d => d.Date).ToList();
        return new HolidayYear(year, days, [], IsAnnounced: false);
    }

    private static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
}
