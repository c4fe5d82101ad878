using MotCua.Domain.Calendar;
using static MotCua.Domain.Tests.Calendar.CalendarFixtures;

namespace MotCua.Domain.Tests.Calendar;

public sealed class WorkingCalendarTests
{
    private readonly WorkingCalendar _calendar = CalendarFor();

    [Fact]
    public void Due_ThreeWorkingDaysOverTheCultureDayHoliday_MatchesTheDomainExample()
    {
        // DOMAIN.md: received Mon 23/11/2026 09:00, 3 working days, 24/11 a holiday → Fri 27/11 09:00.
        Assert.Equal(At(2026, 11, 27, 9), _calendar.Due(At(2026, 11, 23, 9), ProcessingTime.WorkingDays(3)));
    }

    [Fact]
    public void Due_ReceivedDuringTheLunchBreak_CountsFromTheAfternoonWindow()
    {
        // 1 working day (7.5 h) from 12:00 Wed: 13:30–17:00 (3.5 h) + Thu 07:30–11:30 (4 h) → Thu 11:30.
        Assert.Equal(At(2026, 11, 26, 11, 30), _calendar.Due(At(2026, 11, 25, 12), ProcessingTime.WorkingDays(1)));
    }

    [Fact]
    public void Due_ReceivedOnSaturdayOnline_CountsFromMondayMorning()
    {
        Assert.Equal(At(2026, 11, 30, 9, 30), _calendar.Due(At(2026, 11, 28, 10), ProcessingTime.WorkingHours(2)));
    }

    [Fact]
    public void AddWorkingTime_EndingExactlyAtTheEndOfAWindow_IsThatEnd()
    {
        Assert.Equal(At(2026, 11, 25, 11, 30), _calendar.AddWorkingTime(At(2026, 11, 25, 7, 30), TimeSpan.FromHours(4)));
        Assert.Equal(At(2026, 11, 25, 17), _calendar.AddWorkingTime(At(2026, 11, 25, 7, 30), TimeSpan.FromHours(7.5)));
    }

    [Fact]
    public void Due_WorkingHours_CarryOverTheWeekend()
    {
        // Fri 16:00 + 4 working hours: 1 h Friday, then Mon 07:30 + 3 h → Mon 10:30.
        Assert.Equal(At(2026, 11, 30, 10, 30), _calendar.Due(At(2026, 11, 27, 16), ProcessingTime.WorkingHours(4)));
    }

    [Theory]
    [InlineData(9, 0, 25, 17)]    // before the 15:00 cut-off: close of the same day
    [InlineData(14, 59, 25, 17)]
    [InlineData(15, 0, 26, 17)]   // at or after the cut-off: close of the next working day
    [InlineData(16, 30, 26, 17)]
    [InlineData(18, 0, 26, 17)]
    [InlineData(6, 0, 25, 17)]    // before opening: still the same day
    public void Due_SameDayProcedure_FollowsTheThreePmCutoff(int hour, int minute, int dueDay, int dueHour) =>
        Assert.Equal(At(2026, 11, dueDay, dueHour), _calendar.Due(At(2026, 11, 25, hour, minute), ProcessingTime.WorkingDays(0)));

    [Fact]
    public void Due_SameDayProcedureReceivedOnAHoliday_IsTheNextWorkingDay() =>
        Assert.Equal(At(2026, 11, 25, 17), _calendar.Due(At(2026, 11, 24, 9), ProcessingTime.WorkingDays(0)));

    [Fact]
    public void Due_CalendarDaysEndingOnAWeekend_MoveToTheNextWorkingDay()
    {
        // Civil Code 2015 art. 148: 5 days from Mon 23/11 end Sat 28/11, a rest day → Mon 30/11 at closing.
        Assert.Equal(At(2026, 11, 30, 17), _calendar.Due(At(2026, 11, 23, 9), ProcessingTime.CalendarDays(5)));
        // 3 days end Thu 26/11, a working day.
        Assert.Equal(At(2026, 11, 26, 17), _calendar.Due(At(2026, 11, 23, 16), ProcessingTime.CalendarDays(3)));
    }

    [Fact]
    public void Due_ZeroCalendarDaysReceivedAfterClosing_IsTheNextWorkingDaysClose()
    {
        // Zero days from Mon 23/11 18:27 cannot end before the start: the close of Wed 25/11 (24/11 is a holiday).
        Assert.Equal(At(2026, 11, 25, 17), _calendar.Due(At(2026, 11, 23, 18).AddMinutes(27), ProcessingTime.CalendarDays(0)));
        Assert.Equal(At(2026, 11, 23, 17), _calendar.Due(At(2026, 11, 23, 9), ProcessingTime.CalendarDays(0)));
    }

    [Fact]
    public void Due_AcrossTet2026_SkipsTheFiveDaysOff()
    {
        // Fri 13/2/2026 09:00 + 2 working days: Fri (6 h), then Tết 16–20/2 and the weekend → Mon 23/2, 9 h later… Tue 24/2 08:00? No:
        // Fri 09:00–17:00 = 6 h; 15 h − 6 h = 9 h left; Mon 23/2 gives 7.5 h; Tue 24/2 07:30 + 1.5 h = 09:00.
        Assert.Equal(At(2026, 2, 24, 9), _calendar.Due(At(2026, 2, 13, 9), ProcessingTime.WorkingDays(2)));
    }

    [Fact]
    public void MakeUpSaturday_IsAWorkingDay_AndTheSwappedDayIsOff()
    {
        Assert.True(_calendar.IsWorkingDay(D(2025, 4, 26)));
        Assert.Equal(DayKind.MakeUp, _calendar.Describe(D(2025, 4, 26)).Kind);
        Assert.False(_calendar.IsWorkingDay(D(2025, 5, 2)));
        Assert.Equal(DayKind.DayOff, _calendar.Describe(D(2025, 5, 2)).Kind);
        // Fri 25/4/2025 16:00 + 2 h: 1 h Friday, then Saturday 26/4 is worked → 08:30.
        Assert.Equal(At(2025, 4, 26, 8, 30), _calendar.AddWorkingTime(At(2025, 4, 25, 16), TimeSpan.FromHours(2)));
    }

    [Fact]
    public void Due_AcrossTheNewYear_UsesTheNextYearsTable()
    {
        // Wed 30/12/2026 09:00 + 3 working days: Wed (6 h), Thu 31/12 (7.5 h), 1/1/2027 off, then Mon 4/1/2027 → 9 h left… 
        // 22.5 − 6 − 7.5 = 9 h: Mon 4/1 (7.5 h) and Tue 5/1 07:30 + 1.5 h = 09:00.
        Assert.Equal(At(2027, 1, 5, 9), _calendar.Due(At(2026, 12, 30, 9), ProcessingTime.WorkingDays(3)));
    }

    [Fact]
    public void UnitWorkingSaturdayMornings_CountsThem()
    {
        var schedule = WorkingSchedule.Weekdays(
            [new(new TimeOnly(7, 30), new TimeOnly(11, 30)), new(new TimeOnly(13, 30), new TimeOnly(17, 0))],
            new TimeOnly(15, 0),
            saturday: [new(new TimeOnly(7, 30), new TimeOnly(11, 30))]);
        var calendar = CalendarFor(schedule);
        Assert.True(calendar.IsWorkingDay(D(2026, 11, 28)));
        // Fri 16:00 + 4 h: 1 h Friday, 3 h Saturday morning → Sat 10:30.
        Assert.Equal(At(2026, 11, 28, 10, 30), calendar.Due(At(2026, 11, 27, 16), ProcessingTime.WorkingHours(4)));
        // A same-day procedure received Saturday morning closes at the Saturday window's end.
        Assert.Equal(At(2026, 11, 28, 11, 30), calendar.Due(At(2026, 11, 28, 8), ProcessingTime.WorkingDays(0)));
    }

    [Fact]
    public void WorkingTimeBetween_CountsOnlyWindowsOfWorkingDays()
    {
        Assert.Equal(TimeSpan.FromHours(6), _calendar.WorkingTimeBetween(At(2026, 11, 23, 9), At(2026, 11, 24, 12)));
        Assert.Equal(TimeSpan.FromHours(22.5), _calendar.WorkingTimeBetween(At(2026, 11, 23, 9), At(2026, 11, 27, 9)));
        Assert.Equal(TimeSpan.Zero, _calendar.WorkingTimeBetween(At(2026, 11, 27, 9), At(2026, 11, 23, 9)));
    }

    [Fact]
    public void Due_NegativeValue_IsRejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => _calendar.Due(At(2026, 11, 23, 9), ProcessingTime.WorkingDays(-1)));

    [Fact]
    public void Schedule_WithOverlappingWindows_ReportsTheProblem()
    {
        var schedule = WorkingSchedule.Weekdays([new(new TimeOnly(8, 0), new TimeOnly(12, 0)), new(new TimeOnly(11, 0), new TimeOnly(17, 0))], new TimeOnly(15, 0));
        Assert.Contains(schedule.Problems, p => p.Contains("chồng", StringComparison.Ordinal));
        Assert.Empty(WorkingSchedule.Default.Problems);
    }
}
