namespace MotCua.Domain.Calendar;

public enum TimeUnit
{
    /// <summary>Working days of <see cref="WorkingSchedule.DayLength"/> each, counted in working time.</summary>
    WorkingDays,
    /// <summary>Working hours, counted in working time like working days.</summary>
    WorkingHours,
    /// <summary>Calendar days (Civil Code 2015 art. 148): due at the end of the working day on the last date.</summary>
    CalendarDays,
}

/// <summary>How long a procedure (or a step) may take. A value of 0 working days or hours means "same day".</summary>
public readonly record struct ProcessingTime(decimal Value, TimeUnit Unit)
{
    public bool IsSameDay => Value == 0 && Unit != TimeUnit.CalendarDays;

    public static ProcessingTime WorkingDays(decimal value) => new(value, TimeUnit.WorkingDays);

    public static ProcessingTime WorkingHours(decimal value) => new(value, TimeUnit.WorkingHours);

    public static ProcessingTime CalendarDays(int value) => new(value, TimeUnit.CalendarDays);

    public static string Key(TimeUnit unit) => unit switch
    {
        TimeUnit.WorkingDays => "working_days",
        TimeUnit.WorkingHours => "working_hours",
        TimeUnit.CalendarDays => "days",
        _ => throw new ArgumentOutOfRangeException(nameof(unit)),
    };

    public static bool TryParseUnit(string? key, out TimeUnit unit)
    {
        switch (key)
        {
            case "working_days": unit = TimeUnit.WorkingDays; return true;
            case "working_hours": unit = TimeUnit.WorkingHours; return true;
            case "days" or "calendar_days": unit = TimeUnit.CalendarDays; return true;
            default: unit = default; return false;
        }
    }

    /// <summary>"3 ngày làm việc", "Trong ngày", "15 ngày".</summary>
    public string Vietnamese() => IsSameDay ? "Trong ngày" : Unit switch
    {
        TimeUnit.WorkingDays => $"{Value:0.##} ngày làm việc",
        TimeUnit.WorkingHours => $"{Value:0.##} giờ làm việc",
        _ => $"{Value:0} ngày",
    };
}
