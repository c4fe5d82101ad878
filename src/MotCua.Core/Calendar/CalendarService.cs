using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Audit;
using MotCua.Core.Common;
using MotCua.Core.Data;
using MotCua.Core.Organisation;
using MotCua.Domain.Calendar;
using MotCua.Domain.Text;

namespace MotCua.Core.Calendar;

/// <summary>Announced holiday tables (edit, import, export) and unit working hours; every change audited.</summary>
public sealed class CalendarService(MotCuaDbContext db, AuditTrail audit, CalendarProvider provider, UnitTreeSource trees, IActor actor, TimeProvider time)
{
    public const int MinYear = VietnameseLunarCalendar.MinYear + 1;
    public const int MaxYear = VietnameseLunarCalendar.MaxYear - 1;

    public async Task<HolidayYearView> GetYearAsync(int year, CancellationToken cancellationToken)
    {
        EnsureYear(year);
        var stored = await db.Set<CalendarYear>().AsNoTracking().Include(y => y.Entries).FirstOrDefaultAsync(y => y.Year == year, cancellationToken);
        if (stored is null)
        {
            var computed = DefaultHolidays.For(year);
            return new HolidayYearView(year, "computed", computed.DaysOff.Select(d => new DayEntry(d.Date, d.Name)).ToList(), [], null, null);
        }
        return new HolidayYearView(
            year,
            "announced",
            stored.Entries.Where(e => e.Kind == CalendarEntryKind.DayOff).OrderBy(e => e.Date).Select(e => new DayEntry(e.Date, e.Name)).ToList(),
            stored.Entries.Where(e => e.Kind == CalendarEntryKind.MakeUpWorkday).OrderBy(e => e.Date).Select(e => new DayEntry(e.Date, e.Name)).ToList(),
            stored.UpdatedAt,
            stored.UpdatedBy);
    }

    /// <summary>Replaces a year's table with the announced one; invalid tables are refused whole.</summary>
    public async Task<HolidayYearView> SaveYearAsync(int year, SaveHolidayYearRequest request, CancellationToken cancellationToken)
    {
        EnsureYear(year);
        var table = ParseYear(year, request.DaysOff, request.MakeUpWorkdays, "");
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var replaced = await ReplaceAsync(table, cancellationToken);
        await CalendarProvider.BumpAsync(db, cancellationToken);
        audit.Record("calendar.save_year", "calendar_year", year.ToString(CultureInfo.InvariantCulture), null,
            $"{(replaced ? "Cập nhật" : "Nhập")} lịch nghỉ năm {year}: {table.DaysOff.Count} ngày nghỉ ({Dates(table.DaysOff)}), {table.MakeUpWorkdays.Count} ngày làm bù ({Dates(table.MakeUpWorkdays)}).");
        await audit.SaveAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        provider.Invalidate();
        return await GetYearAsync(year, cancellationToken);
    }

    /// <summary>Removes the announced table: the year falls back to the computed default.</summary>
    public async Task DeleteYearAsync(int year, CancellationToken cancellationToken)
    {
        EnsureYear(year);
        var stored = await db.Set<CalendarYear>().FirstOrDefaultAsync(y => y.Year == year, cancellationToken)
            ?? throw ProblemException.NotFound($"lịch nghỉ đã công bố của năm {year}");
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Remove(stored);
        await CalendarProvider.BumpAsync(db, cancellationToken);
        audit.Record("calendar.delete_year", "calendar_year", year.ToString(CultureInfo.InvariantCulture), null, $"Xóa lịch nghỉ đã công bố năm {year}; dùng lịch tính theo quy định.");
        await audit.SaveAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        provider.Invalidate();
    }

    /// <summary>Imports every year of a holidays.json document, all or nothing; a dry run only reports.</summary>
    public async Task<HolidayImportResult> ImportAsync(HolidaysDocument document, bool dryRun, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var tables = new List<HolidayYear>();
        if (document.Years.Count == 0)
        {
            validation.Add("years", "Tệp không có năm nào.");
        }
        foreach (var (key, year) in document.Years)
        {
            if (!int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number is < MinYear or > MaxYear)
            {
                validation.Add($"years.{key}", $"Năm \"{key}\" không hợp lệ (từ {MinYear} đến {MaxYear}).");
                continue;
            }
            try
            {
                tables.Add(ParseYear(number, year.DaysOff, year.MakeUpWorkdays, $"years.{key}."));
            }
            catch (ProblemException problem)
            {
                foreach (var (field, messages) in problem.Errors)
                {
                    foreach (var message in messages)
                    {
                        validation.Add(field, message);
                    }
                }
            }
        }
        validation.ThrowIfInvalid();

        var existing = await db.Set<CalendarYear>().Select(y => y.Year).ToListAsync(cancellationToken);
        var result = new HolidayImportResult(dryRun, tables.OrderBy(t => t.Year)
            .Select(t => new HolidayImportYear(t.Year, existing.Contains(t.Year) ? "replaced" : "added", t.DaysOff.Count, t.MakeUpWorkdays.Count)).ToList());
        if (dryRun)
        {
            return result;
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var table in tables)
        {
            await ReplaceAsync(table, cancellationToken);
        }
        await CalendarProvider.BumpAsync(db, cancellationToken);
        audit.Record("calendar.import", "calendar_year", null, null,
            $"Nhập lịch nghỉ từ tệp: {string.Join("; ", result.Years.Select(y => $"năm {y.Year} ({y.DaysOff} ngày nghỉ, {y.MakeUpWorkdays} ngày làm bù)"))}.");
        await audit.SaveAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        provider.Invalidate();
        return result;
    }

    /// <summary>The announced tables in the holidays.json format.</summary>
    public async Task<HolidaysDocument> ExportAsync(CancellationToken cancellationToken)
    {
        var years = await db.Set<CalendarYear>().AsNoTracking().Include(y => y.Entries).OrderBy(y => y.Year).ToListAsync(cancellationToken);
        return new HolidaysDocument
        {
            About = "Lịch nghỉ lễ, Tết và ngày làm bù của cán bộ, công chức theo thông báo hằng năm, xuất từ MotCua.",
            Years = years.ToDictionary(
                y => y.Year.ToString(CultureInfo.InvariantCulture),
                y => new HolidaysDocumentYear
                {
                    DaysOff = y.Entries.Where(e => e.Kind == CalendarEntryKind.DayOff).OrderBy(e => e.Date).Select(e => new DayEntryInput(e.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), e.Name)).ToList(),
                    MakeUpWorkdays = y.Entries.Where(e => e.Kind == CalendarEntryKind.MakeUpWorkday).OrderBy(e => e.Date).Select(e => new DayEntryInput(e.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), e.Name)).ToList(),
                }),
        };
    }

    public async Task<WorkingHoursView> GetWorkingHoursAsync(Guid unitId, CancellationToken cancellationToken)
    {
        var tree = await trees.GetAsync(cancellationToken);
        if (tree.Find(unitId) is null)
        {
            throw ProblemException.NotFound("đơn vị");
        }
        var (schedule, from) = await provider.ScheduleForAsync(unitId, cancellationToken);
        return new WorkingHoursView(
            unitId,
            from == unitId,
            from == unitId ? null : from,
            from is { } source && source != unitId ? tree.Find(source)?.Name : null,
            WorkingHoursFormat.ToDays(schedule),
            schedule.SameDayCutoff.ToString("HH:mm", CultureInfo.InvariantCulture),
            schedule.DayLength.TotalHours);
    }

    public async Task<WorkingHoursView> SetWorkingHoursAsync(Guid unitId, SetWorkingHoursRequest request, CancellationToken cancellationToken)
    {
        var tree = await trees.GetAsync(cancellationToken);
        var unit = tree.Find(unitId) ?? throw ProblemException.NotFound("đơn vị");
        var errors = new List<(string Field, string Message)>();
        var schedule = WorkingHoursFormat.Parse(request, errors);
        if (schedule is null)
        {
            var validation = new Validation();
            errors.ForEach(e => validation.Add(e.Field, e.Message));
            validation.ThrowIfInvalid();
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var row = await db.Set<UnitWorkingHours>().FirstOrDefaultAsync(h => h.UnitId == unitId, cancellationToken);
        if (row is null)
        {
            row = new UnitWorkingHours { UnitId = unitId };
            db.Add(row);
        }
        row.WindowsJson = WorkingHoursFormat.ToJson(schedule!);
        row.SameDayCutoff = schedule!.SameDayCutoff;
        row.UpdatedAt = time.Now();
        await CalendarProvider.BumpAsync(db, cancellationToken);
        audit.Record("calendar.working_hours", "unit", unitId.ToString(), unitId,
            $"Đặt giờ làm việc của {unit.Name}: {string.Join("; ", WorkingHoursFormat.ToDays(schedule).Where(d => d.Windows.Count > 0).Select(d => $"{d.Name} {string.Join(", ", d.Windows.Select(w => $"{w.Start}–{w.End}"))}"))}; chốt trong ngày {row.SameDayCutoff:HH\\:mm}.");
        await audit.SaveAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        provider.Invalidate();
        return await GetWorkingHoursAsync(unitId, cancellationToken);
    }

    public async Task<WorkingHoursView> ClearWorkingHoursAsync(Guid unitId, CancellationToken cancellationToken)
    {
        var row = await db.Set<UnitWorkingHours>().FirstOrDefaultAsync(h => h.UnitId == unitId, cancellationToken)
            ?? throw ProblemException.NotFound("giờ làm việc riêng của đơn vị");
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Remove(row);
        await CalendarProvider.BumpAsync(db, cancellationToken);
        audit.Record("calendar.working_hours_clear", "unit", unitId.ToString(), unitId, "Bỏ giờ làm việc riêng; dùng giờ của đơn vị cấp trên hoặc mặc định.");
        await audit.SaveAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        provider.Invalidate();
        return await GetWorkingHoursAsync(unitId, cancellationToken);
    }

    /// <summary>Seeds the official tables shipped with the product when the database has none.</summary>
    public async Task SeedOfficialTablesAsync(HolidaysDocument document, CancellationToken cancellationToken)
    {
        if (await db.Set<CalendarYear>().AnyAsync(cancellationToken))
        {
            return;
        }
        await ImportAsync(document, dryRun: false, cancellationToken);
    }

    private async Task<bool> ReplaceAsync(HolidayYear table, CancellationToken cancellationToken)
    {
        var stored = await db.Set<CalendarYear>().Include(y => y.Entries).FirstOrDefaultAsync(y => y.Year == table.Year, cancellationToken);
        var replaced = stored is not null;
        if (stored is not null)
        {
            db.RemoveRange(stored.Entries);
            stored.Entries.Clear();
            // Deletions first, so a date kept across the edit does not collide with its own unique index.
            await db.SaveChangesAsync(cancellationToken);
        }
        else
        {
            stored = new CalendarYear { Year = table.Year };
            db.Add(stored);
        }
        stored.UpdatedAt = time.Now();
        stored.UpdatedBy = actor.Name;
        stored.Entries.AddRange(table.DaysOff.Select(d => new CalendarEntry { Year = table.Year, Date = d.Date, Kind = CalendarEntryKind.DayOff, Name = d.Name }));
        stored.Entries.AddRange(table.MakeUpWorkdays.Select(d => new CalendarEntry { Year = table.Year, Date = d.Date, Kind = CalendarEntryKind.MakeUpWorkday, Name = d.Name }));
        await db.SaveChangesAsync(cancellationToken);
        return replaced;
    }

    private static HolidayYear ParseYear(int year, IReadOnlyList<DayEntryInput>? daysOff, IReadOnlyList<DayEntryInput>? makeUp, string prefix)
    {
        var validation = new Validation();
        List<CalendarDay> Parse(IReadOnlyList<DayEntryInput>? input, string list)
        {
            var days = new List<CalendarDay>();
            for (var i = 0; i < (input?.Count ?? 0); i++)
            {
                var entry = input![i];
                if (!DateOnly.TryParseExact(entry.Date?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    validation.Add($"{prefix}{list}[{i}].date", $"Ngày \"{entry.Date}\" không đúng dạng yyyy-MM-dd.");
                    continue;
                }
                days.Add(new CalendarDay(date, VietnameseText.Normalize(entry.Name)));
            }
            return days;
        }
        var table = new HolidayYear(year, Parse(daysOff, "daysOff"), Parse(makeUp, "makeUpWorkdays"), IsAnnounced: true);
        foreach (var (field, message) in table.Validate())
        {
            validation.Add(prefix + field, message);
        }
        validation.ThrowIfInvalid();
        return table;
    }

    private static void EnsureYear(int year)
    {
        if (year is < MinYear or > MaxYear)
        {
            throw new ProblemException(400, "year_out_of_range", "Năm không hợp lệ", $"Chỉ hỗ trợ các năm từ {MinYear} đến {MaxYear}.");
        }
    }

    private static string Dates(IEnumerable<CalendarDay> days)
    {
        var text = string.Join(", ", days.Select(d => d.Date.ToString("dd/MM", CultureInfo.InvariantCulture)));
        return text.Length == 0 ? "không có" : text;
    }
}
