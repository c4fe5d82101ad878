using MotCua.Domain.Calendar;
using static MotCua.Domain.Tests.Calendar.CalendarFixtures;

namespace MotCua.Domain.Tests.Calendar;

public sealed class DeadlineClockTests
{
    private readonly WorkingCalendar _calendar = CalendarFor();

    [Fact]
    public void Suspend_ThenResume_CarriesTheRemainingWorkingTimeOver()
    {
        // Received Mon 23/11/2026 09:00 for 3 working days → due Fri 27/11 09:00.
        var clock = DeadlineClock.Start(_calendar, ProcessingTime.WorkingDays(3), At(2026, 11, 23, 9));
        Assert.Equal(At(2026, 11, 27, 9), clock.DueAt);

        // Suspended Wed 25/11 09:00 with 15 working hours left (Wed 6 h, Thu 7.5 h, Fri 1.5 h).
        var suspended = clock.Suspend(_calendar, At(2026, 11, 25, 9), "Chờ thực hiện nghĩa vụ tài chính");
        Assert.Equal(ClockState.Suspended, suspended.State);
        Assert.Null(suspended.DueAt);
        Assert.Equal(TimeSpan.FromHours(15), suspended.Remaining);

        // Resumed Mon 30/11 07:30: 15 h → Mon 7.5 h, Tue 7.5 h → Tue 1/12 17:00.
        var resumed = suspended.Resume(_calendar, At(2026, 11, 30, 7, 30));
        Assert.Equal(At(2026, 12, 1, 17), resumed.DueAt);
        Assert.Equal([ClockSegmentKind.Running, ClockSegmentKind.Suspended, ClockSegmentKind.Running], resumed.Segments.Select(s => s.Kind));
        // Suspended Wed 09:00 → Mon 07:30: Wed 6 h + Thu 7.5 h + Fri 7.5 h of working time excluded.
        Assert.Equal(TimeSpan.FromHours(21), resumed.SuspendedWorkingTime(_calendar, At(2026, 12, 1, 12)));
    }

    [Fact]
    public void Restart_AfterASupplement_CountsTheWholeAllowanceAgain()
    {
        // Decree 61/2018 art. 19(3): the time restarts from zero when the complete dossier arrives.
        var clock = DeadlineClock.Start(_calendar, ProcessingTime.WorkingDays(3), At(2026, 11, 23, 9))
            .Suspend(_calendar, At(2026, 11, 25, 9), "Yêu cầu bổ sung hồ sơ")
            .Restart(_calendar, At(2026, 12, 2, 9), "Nhận đủ hồ sơ bổ sung");
        Assert.Equal(_calendar.Due(At(2026, 12, 2, 9), ProcessingTime.WorkingDays(3)), clock.DueAt);
        Assert.Equal(At(2026, 12, 7, 9), clock.DueAt);
    }

    [Fact]
    public void Suspend_AfterTheDueMoment_KeepsTheMissedDueMoment()
    {
        var clock = DeadlineClock.Start(_calendar, ProcessingTime.WorkingDays(1), At(2026, 11, 23, 9));
        var resumed = clock.Suspend(_calendar, At(2026, 11, 26, 9), "Xác minh").Resume(_calendar, At(2026, 12, 3, 9));
        Assert.Equal(clock.DueAt, resumed.DueAt);
    }

    [Fact]
    public void Reschedule_MovesTheDueMomentLaterOnly()
    {
        var clock = DeadlineClock.Start(_calendar, ProcessingTime.WorkingDays(3), At(2026, 11, 23, 9));
        var later = clock.Reschedule(At(2026, 11, 26, 9), At(2026, 12, 2, 17), "Xin lỗi, hẹn lại");
        Assert.Equal(At(2026, 12, 2, 17), later.DueAt);
        Assert.Throws<ArgumentOutOfRangeException>(() => clock.Reschedule(At(2026, 11, 26, 9), At(2026, 11, 26, 17), "Sớm hơn"));
    }

    [Fact]
    public void Transitions_OutOfOrder_AreRefused()
    {
        var clock = DeadlineClock.Start(_calendar, ProcessingTime.WorkingDays(3), At(2026, 11, 23, 9));
        Assert.Throws<InvalidOperationException>(() => clock.Resume(_calendar, At(2026, 11, 24, 9)));
        var stopped = clock.Stop(At(2026, 11, 25, 9));
        Assert.Throws<InvalidOperationException>(() => stopped.Suspend(_calendar, At(2026, 11, 25, 10), "x"));
        Assert.Throws<ArgumentOutOfRangeException>(() => clock.Suspend(_calendar, At(2026, 11, 20, 9), "quá khứ"));
    }
}
