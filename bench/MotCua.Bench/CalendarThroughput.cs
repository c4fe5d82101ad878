using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using MotCua.Domain.Calendar;

namespace MotCua.Bench;

/// <summary>
/// Due computations per second on one thread: random reception instants over 2024–2030 and a mix of
/// processing times like the catalogue's (working days mostly, some same-day, calendar days and hours),
/// against the official tables for 2025–2026 and computed defaults for the other years.
/// </summary>
internal static class CalendarThroughput
{
    public static int Run(string[] args)
    {
        var rounds = Option(args, "--rounds", 7);
        var count = Option(args, "--count", 2_000_000);
        var calendar = new WorkingCalendar(WorkingSchedule.Default, LoadHolidays());

        var random = new Random(20261123);
        var origin = new DateTimeOffset(2024, 1, 1, 0, 0, 0, WorkingCalendar.VietnamOffset);
        var span = (long)(new DateTimeOffset(2031, 1, 1, 0, 0, 0, WorkingCalendar.VietnamOffset) - origin).TotalSeconds;
        var starts = new DateTimeOffset[count];
        var times = new ProcessingTime[count];
        for (var i = 0; i < count; i++)
        {
            starts[i] = origin.AddSeconds(random.NextInt64(span));
            times[i] = random.Next(10) switch
            {
                0 => ProcessingTime.WorkingDays(0),
                1 => ProcessingTime.CalendarDays(random.Next(1, 60)),
                2 => ProcessingTime.WorkingHours(random.Next(1, 40)),
                _ => ProcessingTime.WorkingDays(random.Next(1, 45)),
            };
        }

        // Warm-up: compile every year table and JIT the paths.
        long checksum = 0;
        for (var i = 0; i < Math.Min(count, 200_000); i++)
        {
            checksum += calendar.Due(starts[i], times[i]).UtcTicks;
        }

        var results = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < count; i++)
            {
                checksum += calendar.Due(starts[i], times[i]).UtcTicks;
            }
            watch.Stop();
            results.Add(count / watch.Elapsed.TotalSeconds);
        }
        results.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"calendar-due-ops-per-second median={results[results.Count / 2]:F0} min={results[0]:F0} max={results[^1]:F0} rounds={rounds} count={count} checksum={checksum % 1000}"));
        return 0;
    }

    private static Func<int, HolidayYear> LoadHolidays()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "holidays.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var announced = new Dictionary<int, HolidayYear>();
        foreach (var year in document.RootElement.GetProperty("years").EnumerateObject())
        {
            List<CalendarDay> Days(string name) => year.Value.GetProperty(name).EnumerateArray()
                .Select(d => new CalendarDay(DateOnly.Parse(d.GetProperty("date").GetString()!, CultureInfo.InvariantCulture), d.GetProperty("name").GetString()!)).ToList();
            var number = int.Parse(year.Name, CultureInfo.InvariantCulture);
            announced[number] = new HolidayYear(number, Days("daysOff"), Days("makeUpWorkdays"), IsAnnounced: true);
        }
        return year => announced.TryGetValue(year, out var table) ? table : DefaultHolidays.For(year);
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
