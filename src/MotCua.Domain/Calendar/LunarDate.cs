namespace MotCua.Domain.Calendar;

/// <summary>A date of the Vietnamese lunisolar calendar (âm lịch).</summary>
public readonly record struct LunarDate(int Day, int Month, int Year, bool IsLeapMonth)
{
    /// <summary>"13/10", or "13/10N" in a leap (nhuận) month, as printed on Vietnamese calendars.</summary>
    public override string ToString() => $"{Day}/{Month}{(IsLeapMonth ? "N" : "")}";
}
