using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MotCua.Domain.Calendar;
using static MotCua.Domain.Tests.Calendar.CalendarFixtures;

namespace MotCua.Domain.Tests.Calendar;

/// <summary>Arithmetic that must hold for every start instant in 2024–2030 and every amount of working time.</summary>
public sealed class WorkingTimePropertyTests
{
    private static readonly WorkingCalendar Calendar = CalendarFor();

    private static Gen<DateTimeOffset> Instants =>
        Gen.Choose(0, (int)((At(2030, 12, 31, 0) - At(2024, 1, 1, 0)).TotalMinutes))
            .Select(minutes => At(2024, 1, 1, 0).AddMinutes(minutes));

    /// <summary>Working time in whole minutes, up to 60 working days.</summary>
    private static Gen<TimeSpan> Durations => Gen.Choose(1, 60 * 450).Select(m => TimeSpan.FromMinutes(m));

    private static Gen<ProcessingTime> ProcessingTimes => Gen.OneOf(
        Gen.Choose(0, 60).Select(v => ProcessingTime.WorkingDays(v)),
        Gen.Choose(0, 400).Select(v => ProcessingTime.WorkingHours(v)),
        Gen.Choose(0, 90).Select(ProcessingTime.CalendarDays));

    [Property(MaxTest = 500)]
    public Property Due_IsNeverBeforeTheStart() =>
        Prop.ForAll(Instants.ToArbitrary(), ProcessingTimes.ToArbitrary(), (start, time) => Calendar.Due(start, time) >= start);

    [Property(MaxTest = 500)]
    public Property Due_IsMonotoneInTheValue() =>
        Prop.ForAll(Instants.ToArbitrary(), Gen.Choose(1, 60).ToArbitrary(), Gen.Choose(0, 40).ToArbitrary(), (start, value, extra) =>
            Calendar.Due(start, ProcessingTime.WorkingDays(value)) <= Calendar.Due(start, ProcessingTime.WorkingDays(value + extra))
            && Calendar.Due(start, ProcessingTime.CalendarDays(value)) <= Calendar.Due(start, ProcessingTime.CalendarDays(value + extra)));

    [Property(MaxTest = 1000)]
    public Property AddWorkingTime_ThenMore_EqualsAddingTheSum() =>
        Prop.ForAll(Instants.ToArbitrary(), Durations.ToArbitrary(), Durations.ToArbitrary(), (start, a, b) =>
            Calendar.AddWorkingTime(Calendar.AddWorkingTime(start, a), b) == Calendar.AddWorkingTime(start, a + b));

    [Property(MaxTest = 1000)]
    public Property WorkingTimeBetween_InvertsAddWorkingTime() =>
        Prop.ForAll(Instants.ToArbitrary(), Durations.ToArbitrary(), (start, a) =>
            Calendar.WorkingTimeBetween(start, Calendar.AddWorkingTime(start, a)) == a);

    [Property(MaxTest = 1000)]
    public Property SuspendedThenResumed_EndsLaterByExactlyTheSuspendedWorkingTime() =>
        Prop.ForAll(
            (from received in Instants
             from days in Gen.Choose(1, 20)
             from untilSuspend in Durations
             from suspendedFor in Durations
             select (received, days, untilSuspend, suspendedFor)).ToArbitrary(),
            sample =>
            {
                var (received, days, untilSuspend, suspendedFor) = sample;
                var clock = DeadlineClock.Start(Calendar, ProcessingTime.WorkingDays(days), received);
                var suspendAt = Calendar.AddWorkingTime(received, untilSuspend);
                if (suspendAt >= clock.DueAt)
                {
                    return true; // only clocks suspended before their due moment carry time over
                }
                var resumeAt = Calendar.AddWorkingTime(suspendAt, suspendedFor);
                var resumed = clock.Suspend(Calendar, suspendAt, "chờ bổ sung nghĩa vụ tài chính").Resume(Calendar, resumeAt);
                return Calendar.WorkingTimeBetween(clock.DueAt!.Value, resumed.DueAt!.Value) == Calendar.WorkingTimeBetween(suspendAt, resumeAt);
            });
}
