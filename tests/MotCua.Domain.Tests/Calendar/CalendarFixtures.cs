using MotCua.Domain.Calendar;

namespace MotCua.Domain.Tests.Calendar;

/// <summary>Official tables as announced (the same data as the product's holidays.json), and shorthands.</summary>
internal static class CalendarFixtures
{
    public static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    public static DateTimeOffset At(int year, int month, int day, int hour, int minute = 0, int second = 0) =>
        new(year, month, day, hour, minute, second, Vietnam);

    public static DateOnly D(int year, int month, int day) => new(year, month, day);

    public static readonly HolidayYear Announced2026 = new(2026,
    [
        new(D(2026, 1, 1), "Tết Dương lịch"),
        new(D(2026, 2, 16), "Tết Nguyên đán"), new(D(2026, 2, 17), "Tết Nguyên đán"), new(D(2026, 2, 18), "Tết Nguyên đán"),
        new(D(2026, 2, 19), "Tết Nguyên đán"), new(D(2026, 2, 20), "Tết Nguyên đán"),
        new(D(2026, 4, 27), "Nghỉ bù Giỗ Tổ Hùng Vương (26/4 là Chủ nhật)"),
        new(D(2026, 4, 30), "Ngày Chiến thắng"), new(D(2026, 5, 1), "Ngày Quốc tế Lao động"),
        new(D(2026, 9, 1), "Quốc khánh (ngày liền kề)"), new(D(2026, 9, 2), "Quốc khánh"),
        new(D(2026, 11, 24), "Ngày Văn hóa Việt Nam"),
    ], [], IsAnnounced: true);

    public static readonly HolidayYear Announced2025 = new(2025,
    [
        new(D(2025, 1, 1), "Tết Dương lịch"),
        new(D(2025, 1, 27), "Tết Nguyên đán"), new(D(2025, 1, 28), "Tết Nguyên đán"), new(D(2025, 1, 29), "Tết Nguyên đán"),
        new(D(2025, 1, 30), "Tết Nguyên đán"), new(D(2025, 1, 31), "Tết Nguyên đán"),
        new(D(2025, 4, 7), "Giỗ Tổ Hùng Vương (10/3 âm lịch)"),
        new(D(2025, 4, 30), "Ngày Chiến thắng"), new(D(2025, 5, 1), "Ngày Quốc tế Lao động"),
        new(D(2025, 5, 2), "Nghỉ hoán đổi (làm bù thứ Bảy 26/4)"),
        new(D(2025, 9, 1), "Quốc khánh (ngày liền kề)"), new(D(2025, 9, 2), "Quốc khánh"),
    ], [new(D(2025, 4, 26), "Làm bù cho ngày nghỉ 02/5")], IsAnnounced: true);

    public static HolidayYear Holidays(int year) => year switch
    {
        2025 => Announced2025,
        2026 => Announced2026,
        _ => DefaultHolidays.For(year),
    };

    public static WorkingCalendar CalendarFor(WorkingSchedule? schedule = null) => new(schedule ?? WorkingSchedule.Default, Holidays);
}
