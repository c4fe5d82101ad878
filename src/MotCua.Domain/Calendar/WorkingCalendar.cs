using System.Collections.Concurrent;

namespace MotCua.Domain.Calendar;

public enum DayKind
{
    /// <summary>An ordinary working day.</summary>
    Working,
    /// <summary>A weekly rest day (Saturday, Sunday unless the unit works it).</summary>
    Weekend,
    /// <summary>A day off: holiday, Tết, compensation or swapped day.</summary>
    DayOff,
    /// <summary>A Saturday or Sunday made a working day by the yearly announcement.</summary>
    MakeUp,
}

public readonly record struct CalendarDayInfo(DateOnly Date, bool IsWorkingDay, DayKind Kind, string? Name);

/// <summary>
/// Deadline arithmetic in Vietnamese working time (Asia/Ho_Chi_Minh, UTC+7 all year) for one working
/// schedule and one source of yearly holiday tables. Each year is compiled once into per-day working
/// time and a running total, so adding working time is a binary search, not a walk over days.
/// Thread-safe; meant to be cached and shared.
/// </summary>
public sealed class WorkingCalendar
{
    public static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);

    // Profiles: 0 = no work, 1..7 = the windows of DayOfWeek 0..6, 8 = a make-up day (standard weekday windows).
    private const int MakeUpProfile = 8;
    private readonly long[][] _starts = new long[9][];
    private readonly long[][] _ends = new long[9][];
    private readonly long[] _profileLength = new long[9];
    private readonly Func<int, HolidayYear> _holidays;
    private readonly ConcurrentDictionary<int, YearTable> _years = new();
    private YearTable? _last;

    public WorkingCalendar(WorkingSchedule schedule, Func<int, HolidayYear> holidays)
    {
        Schedule = schedule;
        _holidays = holidays;
        _starts[0] = [];
        _ends[0] = [];
        for (var day = 0; day < 7; day++)
        {
            SetProfile(day + 1, schedule.Windows((DayOfWeek)day));
        }
        SetProfile(MakeUpProfile, schedule.MakeUpWindows);
    }

    public WorkingSchedule Schedule { get; }

    private void SetProfile(int profile, IReadOnlyList<WorkingWindow> windows)
    {
        _starts[profile] = windows.Select(w => w.Start.Ticks).ToArray();
        _ends[profile] = windows.Select(w => w.End.Ticks).ToArray();
        _profileLength[profile] = windows.Sum(w => w.Length.Ticks);
    }

    public CalendarDayInfo Describe(DateOnly date)
    {
        var table = Table(date.Year);
        var index = date.DayOfYear - 1;
        return new CalendarDayInfo(date, _profileLength[table.Profiles[index]] > 0, table.Kinds[index], table.Names[index]);
    }

    public bool IsWorkingDay(DateOnly date)
    {
        var table = Table(date.Year);
        return _profileLength[table.Profiles[date.DayOfYear - 1]] > 0;
    }

    public DateOnly NextWorkingDay(DateOnly date, bool inclusive)
    {
        var day = inclusive ? date : date.AddDays(1);
        while (!IsWorkingDay(day))
        {
            day = day.AddDays(1);
        }
        return day;
    }

    /// <summary>The end of the last working window of a working day (17:00 by default).</summary>
    public DateTimeOffset EndOfDay(DateOnly date)
    {
        var table = Table(date.Year);
        var ends = _ends[table.Profiles[date.DayOfYear - 1]];
        if (ends.Length == 0)
        {
            throw new ArgumentException($"{date:dd/MM/yyyy} is not a working day.", nameof(date));
        }
        return At(date, ends[^1]);
    }

    /// <summary>
    /// The moment by which a procedure received at <paramref name="start"/> must be finished.
    /// Working days and hours count working time from the start (outside working hours, from the next
    /// window); "same day" (value 0) ends at the close of that working day if received before the
    /// cut-off, else of the next one; calendar days end at the close of the working day on or after
    /// start date + N (Civil Code 2015 art. 148).
    /// </summary>
    public DateTimeOffset Due(DateTimeOffset start, ProcessingTime time)
    {
        if (time.Value < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(time), "A processing time cannot be negative.");
        }
        var local = start.ToOffset(VietnamOffset);
        var date = DateOnly.FromDateTime(local.DateTime);
        if (time.IsSameDay)
        {
            var today = IsWorkingDay(date) && TimeOnly.FromTimeSpan(local.TimeOfDay) < Schedule.SameDayCutoff && local < EndOfDay(date);
            return EndOfDay(today ? date : NextWorkingDay(date, inclusive: false));
        }
        return time.Unit switch
        {
            TimeUnit.WorkingDays => AddWorkingTime(start, TimeSpan.FromTicks((long)Math.Round(time.Value * Schedule.DayLength.Ticks / TimeSpan.TicksPerSecond) * TimeSpan.TicksPerSecond)),
            TimeUnit.WorkingHours => AddWorkingTime(start, TimeSpan.FromTicks((long)Math.Round(time.Value * 3600) * TimeSpan.TicksPerSecond)),
            TimeUnit.CalendarDays => CalendarDaysDue(local, date.AddDays((int)Math.Ceiling(time.Value))),
            _ => throw new ArgumentOutOfRangeException(nameof(time)),
        };
    }

    /// <summary>
    /// The close of the working day on or after <paramref name="last"/>; when that close has already passed
    /// (zero calendar days received after hours), the close of the next working day.
    /// </summary>
    private DateTimeOffset CalendarDaysDue(DateTimeOffset start, DateOnly last)
    {
        var due = EndOfDay(NextWorkingDay(last, inclusive: true));
        return due >= start ? due : EndOfDay(NextWorkingDay(last, inclusive: false));
    }

    /// <summary>
    /// The instant at which <paramref name="workingTime"/> of working time has elapsed after <paramref name="start"/>.
    /// Completing exactly at the end of a window gives that end (11:30), not the next window's start.
    /// </summary>
    public DateTimeOffset AddWorkingTime(DateTimeOffset start, TimeSpan workingTime)
    {
        if (workingTime < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(workingTime), "Working time cannot be negative.");
        }
        var local = start.ToOffset(VietnamOffset);
        if (workingTime == TimeSpan.Zero)
        {
            return local;
        }
        var date = DateOnly.FromDateTime(local.DateTime);
        var timeOfDay = local.TimeOfDay.Ticks;
        var remaining = workingTime.Ticks;

        // The rest of the start day.
        var table = Table(date.Year);
        var index = date.DayOfYear - 1;
        var profile = table.Profiles[index];
        var starts = _starts[profile];
        var ends = _ends[profile];
        for (var w = 0; w < starts.Length; w++)
        {
            if (timeOfDay >= ends[w])
            {
                continue;
            }
            var from = Math.Max(timeOfDay, starts[w]);
            var available = ends[w] - from;
            if (remaining <= available)
            {
                return At(date, from + remaining);
            }
            remaining -= available;
        }

        // Whole days after it, year by year, then a binary search on the running total.
        index++;
        while (true)
        {
            if (index >= table.Days)
            {
                table = Table(table.Year + 1);
                index = 0;
            }
            var left = table.Cumulative[table.Days] - table.Cumulative[index];
            if (remaining > left)
            {
                remaining -= left;
                table = Table(table.Year + 1);
                index = 0;
                continue;
            }
            var target = table.Cumulative[index] + remaining;
            // The first day d >= index with Cumulative[d + 1] >= target.
            var found = Array.BinarySearch(table.Cumulative, index + 1, table.Days - index, target);
            var day = (found >= 0 ? FirstAtOrBefore(table.Cumulative, found, target) : ~found) - 1;
            var offset = target - table.Cumulative[day];
            var dayStarts = _starts[table.Profiles[day]];
            var dayEnds = _ends[table.Profiles[day]];
            var dayDate = table.FirstDay.AddDays(day);
            for (var w = 0; w < dayStarts.Length; w++)
            {
                var length = dayEnds[w] - dayStarts[w];
                if (offset <= length)
                {
                    return At(dayDate, dayStarts[w] + offset);
                }
                offset -= length;
            }
            throw new InvalidOperationException("Working time table is inconsistent.");
        }
    }

    /// <summary>Working time between two instants (zero when <paramref name="to"/> is not after <paramref name="from"/>).</summary>
    public TimeSpan WorkingTimeBetween(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from)
        {
            return TimeSpan.Zero;
        }
        var (fromYear, fromTicks) = WorkingTicksIntoYear(from);
        var (toYear, toTicks) = WorkingTicksIntoYear(to);
        var total = toTicks - fromTicks;
        for (var year = fromYear; year < toYear; year++)
        {
            var table = Table(year);
            total += table.Cumulative[table.Days];
        }
        return TimeSpan.FromTicks(total);
    }

    private (int Year, long Ticks) WorkingTicksIntoYear(DateTimeOffset instant)
    {
        var local = instant.ToOffset(VietnamOffset);
        var date = DateOnly.FromDateTime(local.DateTime);
        var table = Table(date.Year);
        var index = date.DayOfYear - 1;
        var timeOfDay = local.TimeOfDay.Ticks;
        var profile = table.Profiles[index];
        var starts = _starts[profile];
        var ends = _ends[profile];
        var within = 0L;
        for (var w = 0; w < starts.Length && timeOfDay > starts[w]; w++)
        {
            within += Math.Min(timeOfDay, ends[w]) - starts[w];
        }
        return (date.Year, table.Cumulative[index] + within);
    }

    private static int FirstAtOrBefore(long[] values, int found, long target)
    {
        while (found > 0 && values[found - 1] == target)
        {
            found--;
        }
        return found;
    }

    private static DateTimeOffset At(DateOnly date, long timeOfDayTicks) =>
        new(date.ToDateTime(TimeOnly.MinValue).Ticks + timeOfDayTicks, VietnamOffset);

    private YearTable Table(int year)
    {
        var last = _last;
        if (last is not null && last.Year == year)
        {
            return last;
        }
        var table = _years.GetOrAdd(year, Compile);
        _last = table;
        return table;
    }

    private YearTable Compile(int year)
    {
        var holidays = _holidays(year);
        var first = new DateOnly(year, 1, 1);
        var days = DateTime.IsLeapYear(year) ? 366 : 365;
        var table = new YearTable(year, first, days);
        var off = holidays.DaysOff.Where(d => d.Date.Year == year).ToDictionary(d => d.Date, d => d.Name);
        var makeUp = holidays.MakeUpWorkdays.Where(d => d.Date.Year == year).ToDictionary(d => d.Date, d => d.Name);
        for (var i = 0; i < days; i++)
        {
            var date = first.AddDays(i);
            var weekday = (int)date.DayOfWeek + 1;
            if (off.TryGetValue(date, out var name))
            {
                table.Profiles[i] = 0;
                table.Kinds[i] = DayKind.DayOff;
                table.Names[i] = name;
            }
            else if (makeUp.TryGetValue(date, out var makeUpName))
            {
                table.Profiles[i] = MakeUpProfile;
                table.Kinds[i] = DayKind.MakeUp;
                table.Names[i] = makeUpName;
            }
            else
            {
                table.Profiles[i] = (byte)weekday;
                table.Kinds[i] = _profileLength[weekday] > 0 ? DayKind.Working : DayKind.Weekend;
            }
            table.Cumulative[i + 1] = table.Cumulative[i] + _profileLength[table.Profiles[i]];
        }
        return table;
    }

    private sealed class YearTable(int year, DateOnly firstDay, int days)
    {
        public int Year { get; } = year;
        public DateOnly FirstDay { get; } = firstDay;
        public int Days { get; } = days;
        public byte[] Profiles { get; } = new byte[days];
        public DayKind[] Kinds { get; } = new DayKind[days];
        public string?[] Names { get; } = new string?[days];

        /// <summary>Cumulative[d] = working ticks in days 0..d-1 of the year.</summary>
        public long[] Cumulative { get; } = new long[days + 1];
    }
}
