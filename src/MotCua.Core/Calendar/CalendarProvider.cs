using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MotCua.Core.Data;
using MotCua.Domain.Calendar;

namespace MotCua.Core.Calendar;

/// <summary>Configuration section <c>Calendar</c>.</summary>
public sealed class CalendarOptions
{
    public const string Section = "Calendar";

    /// <summary>How often a node asks the database whether another node changed tables or working hours.</summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(5);
}

/// <summary>
/// Shared, compiled working calendars: announced tables and unit working hours are loaded once and
/// kept until the <c>calendar</c> change stamp moves (see <see cref="StampedCache{T}"/>). Years without
/// a table use the computed default.
/// </summary>
public sealed class CalendarProvider
{
    public const string StampKey = ChangeStamp.Calendar;

    private readonly StampedCache<Snapshot> _cache;

    public CalendarProvider(IServiceScopeFactory scopes, TimeProvider time, IOptions<CalendarOptions> options) =>
        _cache = new StampedCache<Snapshot>(StampKey, scopes, time, () => options.Value.RefreshInterval, LoadAsync);

    public async ValueTask<WorkingCalendar> ForUnitAsync(Guid? unitId, CancellationToken cancellationToken)
    {
        var snapshot = await _cache.GetAsync(cancellationToken);
        return snapshot.CalendarFor(snapshot.ScheduleFor(unitId).Schedule);
    }

    public async ValueTask<WorkingCalendar> DefaultAsync(CancellationToken cancellationToken) =>
        (await _cache.GetAsync(cancellationToken)).CalendarFor(WorkingSchedule.Default);

    /// <summary>The unit's schedule and which unit it comes from (null: the deployment default).</summary>
    public async ValueTask<(WorkingSchedule Schedule, Guid? From)> ScheduleForAsync(Guid unitId, CancellationToken cancellationToken) =>
        (await _cache.GetAsync(cancellationToken)).ScheduleFor(unitId);

    public async ValueTask<bool> UnitExistsAsync(Guid unitId, CancellationToken cancellationToken) =>
        (await _cache.GetAsync(cancellationToken)).Parents.ContainsKey(unitId);

    /// <summary>Drops the cached tables after a change made on this node.</summary>
    public void Invalidate() => _cache.Invalidate();

    /// <summary>Moves the calendar stamp inside the caller's transaction, so other nodes reload after it commits.</summary>
    public static Task BumpAsync(MotCuaDbContext db, CancellationToken cancellationToken) =>
        ChangeStamp.BumpAsync(db, StampKey, cancellationToken);

    private static async Task<Snapshot> LoadAsync(MotCuaDbContext db, CancellationToken cancellationToken)
    {
        var entries = await db.Set<CalendarEntry>().AsNoTracking().ToListAsync(cancellationToken);
        var years = await db.Set<CalendarYear>().AsNoTracking().Select(y => y.Year).ToListAsync(cancellationToken);
        var announced = years.ToDictionary(
            year => year,
            year => new HolidayYear(
                year,
                entries.Where(e => e.Year == year && e.Kind == CalendarEntryKind.DayOff).OrderBy(e => e.Date).Select(e => new CalendarDay(e.Date, e.Name)).ToList(),
                entries.Where(e => e.Year == year && e.Kind == CalendarEntryKind.MakeUpWorkday).OrderBy(e => e.Date).Select(e => new CalendarDay(e.Date, e.Name)).ToList(),
                IsAnnounced: true));
        var parents = await db.Units.AsNoTracking().Select(u => new { u.Id, u.ParentId }).ToDictionaryAsync(u => u.Id, u => u.ParentId, cancellationToken);
        var schedules = (await db.Set<UnitWorkingHours>().AsNoTracking().ToListAsync(cancellationToken))
            .ToDictionary(h => h.UnitId, h => WorkingHoursFormat.FromJson(h.WindowsJson, h.SameDayCutoff));
        return new Snapshot(announced, parents, schedules);
    }

    private sealed class Snapshot(
        IReadOnlyDictionary<int, HolidayYear> announced,
        IReadOnlyDictionary<Guid, Guid?> parents,
        IReadOnlyDictionary<Guid, WorkingSchedule> schedules)
    {
        private readonly ConcurrentDictionary<int, HolidayYear> _computed = new();
        private readonly ConcurrentDictionary<WorkingSchedule, WorkingCalendar> _calendars = new();

        public IReadOnlyDictionary<int, HolidayYear> Announced { get; } = announced;

        public IReadOnlyDictionary<Guid, Guid?> Parents { get; } = parents;

        public HolidayYear Holidays(int year) =>
            Announced.TryGetValue(year, out var table) ? table : _computed.GetOrAdd(year, DefaultHolidays.For);

        public WorkingCalendar CalendarFor(WorkingSchedule schedule) =>
            _calendars.GetOrAdd(schedule, s => new WorkingCalendar(s, Holidays));

        /// <summary>The nearest unit up the tree with its own hours, else the default.</summary>
        public (WorkingSchedule Schedule, Guid? From) ScheduleFor(Guid? unitId)
        {
            for (var id = unitId; id is { } current; id = Parents.GetValueOrDefault(current))
            {
                if (schedules.TryGetValue(current, out var schedule))
                {
                    return (schedule, current);
                }
            }
            return (WorkingSchedule.Default, null);
        }
    }
}
