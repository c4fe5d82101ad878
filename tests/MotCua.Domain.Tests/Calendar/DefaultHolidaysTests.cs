using MotCua.Domain.Calendar;
using static MotCua.Domain.Tests.Calendar.CalendarFixtures;

namespace MotCua.Domain.Tests.Calendar;

/// <summary>Labour Code 2019 art. 112 defaults for a year with no government announcement.</summary>
public sealed class DefaultHolidaysTests
{
    [Fact]
    public void Default2026_EqualsTheAnnouncementExceptTheAdjacentNationalDay()
    {
        // Compared on weekdays: the announcement lists only the compensation for Hùng Kings' day on Sunday 26/4.
        static bool Weekday(DateOnly d) => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
        var computed = DefaultHolidays.For(2026).DaysOff.Select(d => d.Date).Where(Weekday).ToHashSet();
        var announced = Announced2026.DaysOff.Select(d => d.Date).Where(Weekday).ToHashSet();
        announced.Remove(D(2026, 9, 1)); // art. 112(1)(d): the day before or after 2/9 is fixed each year
        Assert.Equal(announced.OrderBy(d => d), computed.OrderBy(d => d));
    }

    [Fact]
    public void Default2027_TetOnAWeekend_IsCompensatedOnTheNextWorkingDays()
    {
        // Tết 2027 (mùng 1) is Saturday 6/2: 30 Tết Fri 5/2, mùng 1–4 Sat 6 – Tue 9/2; Sat and Sun → Wed 10 and Thu 11/2.
        var year = DefaultHolidays.For(2027);
        var tet = year.DaysOff.Where(d => d.Date.Month == 2).Select(d => d.Date).ToList();
        Assert.Equal([D(2027, 2, 5), D(2027, 2, 6), D(2027, 2, 7), D(2027, 2, 8), D(2027, 2, 9), D(2027, 2, 10), D(2027, 2, 11)], tet);
        Assert.Contains(year.DaysOff, d => d.Date == D(2027, 2, 10) && d.Name.StartsWith("Nghỉ bù", StringComparison.Ordinal));
    }

    [Fact]
    public void Default2025_WouldIncludeHungKingsAndNoCultureDay()
    {
        var days = DefaultHolidays.For(2025).DaysOff.Select(d => d.Date).ToList();
        Assert.Contains(D(2025, 4, 7), days);
        Assert.DoesNotContain(D(2025, 11, 24), days); // Vietnam Culture Day is a day off from 2026
        Assert.Contains(D(2026, 11, 24), DefaultHolidays.For(2026).DaysOff.Select(d => d.Date));
    }

    [Fact]
    public void Default_HolidayOnSunday_MovesToMonday_AndTwoInARowDoNotCollide()
    {
        // 2028: 30/4 is Sunday and 1/5 Monday → 30/4 is compensated on Tuesday 2/5.
        var days = DefaultHolidays.For(2028).DaysOff.Select(d => d.Date).ToList();
        Assert.Contains(D(2028, 5, 1), days);
        Assert.Contains(D(2028, 5, 2), days);
    }

    [Fact]
    public void Validate_RejectsDatesOutsideTheYearDuplicatesAndWeekdayMakeUps()
    {
        var table = new HolidayYear(2027,
            [new(D(2027, 1, 1), "Tết Dương lịch"), new(D(2026, 12, 31), "Sai năm"), new(D(2027, 1, 1), "Trùng")],
            [new(D(2027, 3, 3), "Làm bù thứ Tư")],
            IsAnnounced: true);
        var errors = table.Validate();
        Assert.Contains(errors, e => e.Field == "daysOff[1].date" && e.Message.Contains("không thuộc năm 2027", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Field == "daysOff[2].date" && e.Message.Contains("trùng", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Field == "makeUpWorkdays[0].date");
        Assert.Empty(Announced2026.Validate());
        Assert.Empty(Announced2025.Validate());
    }
}
