namespace MotCua.Domain.Calendar;

public readonly record struct WorkingWindow(TimeOnly Start, TimeOnly End)
{
    public TimeSpan Length => End - Start;

    public override string ToString() => $"{Start:HH\\:mm}–{End:HH\\:mm}";
}

/// <summary>
/// Working hours of a unit: windows per weekday, the same-day cut-off, and how long "one working day" is.
/// The default is Monday–Friday 07:30–11:30 and 13:30–17:00 (7.5 h), cut-off 15:00; a unit may work
/// Saturday mornings or keep other hours. A make-up working day follows the Monday windows.
/// </summary>
public sealed class WorkingSchedule : IEquatable<WorkingSchedule>
{
    private readonly WorkingWindow[][] _byDay;

    public WorkingSchedule(IReadOnlyDictionary<DayOfWeek, IReadOnlyList<WorkingWindow>> windows, TimeOnly sameDayCutoff, TimeSpan? dayLength = null)
    {
        _byDay = new WorkingWindow[7][];
        for (var day = 0; day < 7; day++)
        {
            _byDay[day] = windows.TryGetValue((DayOfWeek)day, out var list) ? [.. list.OrderBy(w => w.Start)] : [];
        }
        SameDayCutoff = sameDayCutoff;
        var standard = _byDay[(int)DayOfWeek.Monday];
        DayLength = dayLength ?? (standard.Length > 0 ? TimeSpan.FromTicks(standard.Sum(w => w.Length.Ticks)) : TimeSpan.FromHours(7.5));
        Problems = FindProblems();
    }

    public static WorkingSchedule Default { get; } = Weekdays([new(new TimeOnly(7, 30), new TimeOnly(11, 30)), new(new TimeOnly(13, 30), new TimeOnly(17, 0))], new TimeOnly(15, 0));

    public static WorkingSchedule Weekdays(IReadOnlyList<WorkingWindow> windows, TimeOnly sameDayCutoff, IReadOnlyList<WorkingWindow>? saturday = null)
    {
        var byDay = new Dictionary<DayOfWeek, IReadOnlyList<WorkingWindow>>();
        foreach (var day in new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday })
        {
            byDay[day] = windows;
        }
        if (saturday is { Count: > 0 })
        {
            byDay[DayOfWeek.Saturday] = saturday;
        }
        return new WorkingSchedule(byDay, sameDayCutoff);
    }

    public TimeOnly SameDayCutoff { get; }

    /// <summary>The working time that makes one working day.</summary>
    public TimeSpan DayLength { get; }

    public IReadOnlyList<WorkingWindow> Windows(DayOfWeek day) => _byDay[(int)day];

    /// <summary>Windows of a make-up working day (the standard weekday).</summary>
    public IReadOnlyList<WorkingWindow> MakeUpWindows => _byDay[(int)DayOfWeek.Monday];

    /// <summary>Vietnamese descriptions of what is wrong (overlapping or empty windows, no working weekday).</summary>
    public IReadOnlyList<string> Problems { get; }

    private List<string> FindProblems()
    {
        var problems = new List<string>();
        for (var day = 0; day < 7; day++)
        {
            var windows = _byDay[day];
            for (var i = 0; i < windows.Length; i++)
            {
                if (windows[i].End <= windows[i].Start)
                {
                    problems.Add($"Khung giờ {windows[i]} của {DayName((DayOfWeek)day)} kết thúc trước khi bắt đầu.");
                }
                if (i > 0 && windows[i].Start < windows[i - 1].End)
                {
                    problems.Add($"Khung giờ {windows[i]} của {DayName((DayOfWeek)day)} chồng lên khung giờ trước.");
                }
            }
        }
        if (_byDay[(int)DayOfWeek.Monday].Length == 0)
        {
            problems.Add("Thứ Hai phải có giờ làm việc (dùng cho ngày làm bù).");
        }
        if (DayLength <= TimeSpan.Zero)
        {
            problems.Add("Độ dài ngày làm việc phải lớn hơn 0.");
        }
        return problems;
    }

    public static string DayName(DayOfWeek day) => day switch
    {
        DayOfWeek.Monday => "thứ Hai",
        DayOfWeek.Tuesday => "thứ Ba",
        DayOfWeek.Wednesday => "thứ Tư",
        DayOfWeek.Thursday => "thứ Năm",
        DayOfWeek.Friday => "thứ Sáu",
        DayOfWeek.Saturday => "thứ Bảy",
        _ => "Chủ nhật",
    };

    public bool Equals(WorkingSchedule? other) =>
        other is not null && SameDayCutoff == other.SameDayCutoff && DayLength == other.DayLength
        && Enumerable.Range(0, 7).All(d => _byDay[d].SequenceEqual(other._byDay[d]));

    public override bool Equals(object? obj) => Equals(obj as WorkingSchedule);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(SameDayCutoff);
        hash.Add(DayLength);
        foreach (var day in _byDay)
        {
            foreach (var window in day)
            {
                hash.Add(window);
            }
            hash.Add(-1);
        }
        return hash.ToHashCode();
    }
}
