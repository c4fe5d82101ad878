namespace MotCua.Core.Calendar;

public sealed record DayEntry(DateOnly Date, string Name);

/// <summary>A year's table: <c>announced</c> (entered or imported) or <c>computed</c> (the legal default).</summary>
public sealed record HolidayYearView(
    int Year,
    string Source,
    IReadOnlyList<DayEntry> DaysOff,
    IReadOnlyList<DayEntry> MakeUpWorkdays,
    DateTimeOffset? UpdatedAt,
    string? UpdatedBy);

public sealed record SaveHolidayYearRequest(IReadOnlyList<DayEntryInput>? DaysOff, IReadOnlyList<DayEntryInput>? MakeUpWorkdays);

/// <summary>A day as typed or imported: the date is text so a malformed one gets a message, not a binding failure.</summary>
public sealed record DayEntryInput(string? Date, string? Name);

/// <summary>The <c>holidays.json</c> format: the one shipped with the product, exported and imported as is.</summary>
public sealed class HolidaysDocument
{
    public string? About { get; set; }

    public string TimeZone { get; set; } = "Asia/Ho_Chi_Minh";

    public Dictionary<string, HolidaysDocumentYear> Years { get; set; } = [];
}

public sealed class HolidaysDocumentYear
{
    public List<DayEntryInput> DaysOff { get; set; } = [];

    public List<DayEntryInput> MakeUpWorkdays { get; set; } = [];
}

/// <summary>What an import did (or would do, in a dry run) to each year.</summary>
public sealed record HolidayImportResult(bool DryRun, IReadOnlyList<HolidayImportYear> Years);

public sealed record HolidayImportYear(int Year, string Action, int DaysOff, int MakeUpWorkdays);

public sealed record WorkingWindowDto(string Start, string End);

public sealed record WorkingDayDto(string Day, string Name, IReadOnlyList<WorkingWindowDto> Windows);

/// <summary>A unit's effective working hours; <c>inheritedFrom</c> names the unit they come from, null for the deployment default.</summary>
public sealed record WorkingHoursView(
    Guid UnitId,
    bool IsOwn,
    Guid? InheritedFromUnitId,
    string? InheritedFromName,
    IReadOnlyList<WorkingDayDto> Days,
    string SameDayCutoff,
    double DayLengthHours);

public sealed record SetWorkingHoursRequest(IReadOnlyList<WorkingDayDto>? Days, string? SameDayCutoff);
