using System.Globalization;
using MotCua.Domain.Calendar;
using MotCua.Domain.Dossiers;

namespace MotCua.Domain.Reports;

/// <summary>
/// What a dossier adds to the daily figures of its lead agency. Counted per local day, so a period's figures
/// are sums over its days (flows) or over every day up to one of its ends (what is open at that moment).
/// </summary>
public enum FigureKey
{
    /// <summary>+1 on the day received, −1 on the day processing ended: the sum up to a day is what was still being processed after it.</summary>
    Open = 1,

    /// <summary>+1 from the day an unfinished dossier is overdue (its due moment passed), −1 on the day it finished.</summary>
    Overdue = 2,

    ReceivedOnline = 3,
    ReceivedOther = 4,
    FinishedEarly = 5,
    FinishedOnTime = 6,
    FinishedLate = 7,
    Withdrawn = 8,

    /// <summary>Withdrawn dossiers classed early or on time (left out of the 766 progress ratio with the others withdrawn).</summary>
    WithdrawnInTime = 9,

    /// <summary>Finished with a result (ready or returned), and those returned electronically.</summary>
    Results = 10,
    ElectronicResults = 11,

    /// <summary>Received dossiers already sent to the national portal, and those whose every component was scanned.</summary>
    Synced = 12,
    Digitised = 13,

    /// <summary>A supplement request (each one, on its day).</summary>
    SupplementRequest = 14,

    /// <summary>An online dossier received, with its procedure's code: which online procedures were used.</summary>
    OnlineProcedure = 15,

    /// <summary>
    /// A supplement request following an earlier one of the same dossier, on the later one's day, with the days
    /// since the earlier one as its code, so that a period can tell when both fell inside it and count the dossier once.
    /// </summary>
    SupplementRepeat = 16,
}

/// <summary>One counter: a unit (the lead agency), a local day, a figure and, for online procedures, the procedure's code.</summary>
public readonly record struct FigureCell(Guid UnitId, DateOnly Day, int Key, string Code);

/// <summary>The facts of a received dossier its figures depend on.</summary>
public sealed record DossierFacts(
    Guid UnitId,
    DateTimeOffset ReceivedAt,
    Channel Channel,
    DossierStatus Status,
    DateTimeOffset? FinishedAt,
    Timeliness? Timeliness,
    DateTimeOffset? DueAt,
    ReturnMethod? ReturnMethod,
    string ProcedureCode,
    bool Synced,
    bool Digitised)
{
    /// <summary>The part of the facts <see cref="ProcessingReport"/> classes.</summary>
    public ReportedDossier Reported => new(ReceivedAt, Channel, Status, FinishedAt, Timeliness, DueAt, false);
}

public static class DailyFigures
{
    /// <summary>The local (Vietnam) date of an instant.</summary>
    public static DateOnly Day(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(WorkingCalendar.VietnamOffset).DateTime);

    /// <summary>
    /// Adds <paramref name="sign"/> × the dossier's contribution to <paramref name="into"/> (−1 takes a former
    /// state out). Assumes what the workflow and the import guarantee: received ≤ finished, supplement requests
    /// in between.
    /// </summary>
    public static void Add(IDictionary<FigureCell, long> into, DossierFacts dossier, IEnumerable<DateTimeOffset> supplementRequests, int sign)
    {
        void Put(FigureKey key, DateOnly day, long delta = 1, string code = "") =>
            Bump(into, new FigureCell(dossier.UnitId, day, (int)key, code), sign * delta);

        var received = Day(dossier.ReceivedAt);
        DateOnly? finished = dossier.FinishedAt is { } f ? Max(received, Day(f)) : null;
        Put(FigureKey.Open, received);
        if (finished is { } end)
        {
            Put(FigureKey.Open, end, -1);
        }
        if (dossier.DueAt is { } due)
        {
            // Overdue at the end of day T when due ≤ 00:00 after T, i.e. the day of the instant just before it is ≤ T.
            var overdueFrom = Max(received, Day(due.AddTicks(-1)));
            Put(FigureKey.Overdue, overdueFrom);
            if (finished is { } stop)
            {
                Put(FigureKey.Overdue, Max(overdueFrom, stop), -1);
            }
        }
        if (dossier.Channel == Channel.Online)
        {
            Put(FigureKey.ReceivedOnline, received);
            Put(FigureKey.OnlineProcedure, received, code: dossier.ProcedureCode);
        }
        else
        {
            Put(FigureKey.ReceivedOther, received);
        }
        if (dossier.Synced)
        {
            Put(FigureKey.Synced, received);
        }
        if (dossier.Digitised)
        {
            Put(FigureKey.Digitised, received);
        }
        if (finished is { } day && dossier.FinishedAt is { } at)
        {
            var timeliness = ProcessingReport.Class(dossier.Reported, at);
            Put(timeliness switch
            {
                Timeliness.Early => FigureKey.FinishedEarly,
                Timeliness.OnTime => FigureKey.FinishedOnTime,
                _ => FigureKey.FinishedLate,
            }, day);
            if (dossier.Status == DossierStatus.Withdrawn)
            {
                Put(FigureKey.Withdrawn, day);
                if (timeliness != Timeliness.Late)
                {
                    Put(FigureKey.WithdrawnInTime, day);
                }
            }
            if (dossier.Status is DossierStatus.ResultReady or DossierStatus.Returned)
            {
                Put(FigureKey.Results, day);
                if (dossier.ReturnMethod == ReturnMethod.Online)
                {
                    Put(FigureKey.ElectronicResults, day);
                }
            }
        }
        DateOnly? previous = null;
        foreach (var request in supplementRequests.Select(Day).Order())
        {
            Put(FigureKey.SupplementRequest, request);
            if (previous is { } before)
            {
                Put(FigureKey.SupplementRepeat, request, code: (request.DayNumber - before.DayNumber).ToString(CultureInfo.InvariantCulture));
            }
            previous = request;
        }
    }

    public static void Bump(IDictionary<FigureCell, long> into, FigureCell cell, long delta)
    {
        if (delta == 0)
        {
            return;
        }
        var sum = into.TryGetValue(cell, out var known) ? known + delta : delta;
        if (sum == 0)
        {
            into.Remove(cell);
        }
        else
        {
            into[cell] = sum;
        }
    }

    /// <summary>
    /// The same figures by month (the cell's day becomes the first of its month), for periods that span whole
    /// months; repeated supplement requests stay daily (they need their day).
    /// </summary>
    public static Dictionary<FigureCell, long> Monthly(IEnumerable<KeyValuePair<FigureCell, long>> daily)
    {
        var monthly = new Dictionary<FigureCell, long>();
        foreach (var (cell, count) in daily)
        {
            if (cell.Key != (int)FigureKey.SupplementRepeat)
            {
                Bump(monthly, cell with { Day = MonthOf(cell.Day) }, count);
            }
        }
        return monthly;
    }

    public static DateOnly MonthOf(DateOnly day) => new(day.Year, day.Month, 1);

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}

/// <summary>
/// The daily figures of a unit subtree summed for one period: each flow over the period's days, what is open
/// (and overdue) over every day up to its end and up to the day before its start, the supplement requests that
/// repeat one made in the same period, and the online procedures used in it.
/// </summary>
public sealed record FigureSums(
    ReportPeriod Period,
    IReadOnlyDictionary<FigureKey, long> InPeriod,
    long OpenAtEnd,
    long OverdueAtEnd,
    long OpenAtStart,
    long RepeatedSupplements,
    IReadOnlySet<string> OnlineProceduresUsed)
{
    private long Sum(FigureKey key) => InPeriod.TryGetValue(key, out var value) ? value : 0;

    private static int Int(long value) => checked((int)value);

    /// <summary>Form 06, equal to <see cref="ProcessingReport.Tally"/> over the same dossiers.</summary>
    public ProcessingFigures Processing()
    {
        var online = Sum(FigureKey.ReceivedOnline);
        var other = Sum(FigureKey.ReceivedOther);
        var (early, onTime, late) = (Sum(FigureKey.FinishedEarly), Sum(FigureKey.FinishedOnTime), Sum(FigureKey.FinishedLate));
        return new ProcessingFigures(
            new ReceivedFigures(Int(online + other + OpenAtStart), Int(online), Int(other), Int(OpenAtStart)),
            new ResolvedFigures(Int(early + onTime + late), Int(early), Int(onTime), Int(late)),
            new InProgressFigures(Int(OpenAtEnd), Int(OpenAtEnd - OverdueAtEnd), Int(OverdueAtEnd)),
            Int(Sum(FigureKey.SupplementRequest) - RepeatedSupplements),
            Int(Sum(FigureKey.Withdrawn)));
    }

    /// <summary>The 766 progress ratio, equal to <see cref="ServiceIndex.OnTime"/> over the same dossiers.</summary>
    public Ratio OnTime()
    {
        var inTime = Sum(FigureKey.FinishedEarly) + Sum(FigureKey.FinishedOnTime) - Sum(FigureKey.WithdrawnInTime);
        var finished = Sum(FigureKey.FinishedEarly) + Sum(FigureKey.FinishedOnTime) + Sum(FigureKey.FinishedLate) - Sum(FigureKey.Withdrawn);
        return new Ratio(inTime, finished + OverdueAtEnd);
    }

    public long Received => Sum(FigureKey.ReceivedOnline) + Sum(FigureKey.ReceivedOther);

    public Ratio Online => new(Sum(FigureKey.ReceivedOnline), Received);

    public Ratio Synced => new(Sum(FigureKey.Synced), Received);

    public Ratio Digitised => new(Sum(FigureKey.Digitised), Received);

    public Ratio ElectronicResults => new(Sum(FigureKey.ElectronicResults), Sum(FigureKey.Results));

    /// <summary>Adds up the figures of <paramref name="cells"/> (one subtree's, any days) for the period.</summary>
    public static FigureSums Of(IEnumerable<KeyValuePair<FigureCell, long>> cells, ReportPeriod period)
    {
        var inPeriod = new Dictionary<FigureKey, long>();
        long openAtEnd = 0, overdueAtEnd = 0, openAtStart = 0, repeated = 0;
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (cell, count) in cells)
        {
            if (cell.Day > period.To)
            {
                continue;
            }
            var key = (FigureKey)cell.Key;
            switch (key)
            {
                case FigureKey.Open:
                    openAtEnd += count;
                    openAtStart += cell.Day < period.From ? count : 0;
                    break;
                case FigureKey.Overdue:
                    overdueAtEnd += count;
                    break;
                case FigureKey.SupplementRepeat:
                    repeated += cell.Day.AddDays(-int.Parse(cell.Code, CultureInfo.InvariantCulture)) >= period.From ? count : 0;
                    break;
                case FigureKey.OnlineProcedure when cell.Day >= period.From && count > 0:
                    used.Add(cell.Code);
                    break;
                case FigureKey.OnlineProcedure:
                    break;
                default:
                    if (cell.Day >= period.From)
                    {
                        inPeriod[key] = inPeriod.GetValueOrDefault(key) + count;
                    }
                    break;
            }
        }
        return new FigureSums(period, inPeriod, openAtEnd, overdueAtEnd, openAtStart, repeated, used);
    }
}
