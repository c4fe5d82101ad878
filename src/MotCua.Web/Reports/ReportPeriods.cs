using MotCua.Core.Common;
using MotCua.Core.Identity;
using MotCua.Core.Organisation;
using MotCua.Core.Reports;
using MotCua.Domain.Organisation;
using MotCua.Domain.Reports;

namespace MotCua.Web.Reports;

/// <summary>The periods and units the report API and pages offer, and who reads a unit's reports.</summary>
public static class ReportPeriods
{
    /// <summary>Roles that read a unit's reports.</summary>
    public static readonly Role[] Readers = [Role.Leader, Role.Monitor, Role.Administrator];

    public static readonly (string Key, string Name)[] Kinds =
    [
        ("thang", "Tháng này"), ("quy", "Quý này"), ("6thang", "6 tháng"), ("nam", "Năm nay"), ("tuychon", "Tùy chọn"),
    ];

    /// <summary>The period of a kind as of <paramref name="today"/>; custom periods parse <paramref name="from"/> and <paramref name="to"/>.</summary>
    public static ReportPeriod Resolve(string? kind, string? from, string? to, DateOnly today) => kind switch
    {
        "quy" => Quarter(today),
        "6thang" => today.Month <= 6
            ? new ReportPeriod(new DateOnly(today.Year, 1, 1), new DateOnly(today.Year, 6, 30))
            : new ReportPeriod(new DateOnly(today.Year, 7, 1), new DateOnly(today.Year, 12, 31)),
        "nam" => new ReportPeriod(new DateOnly(today.Year, 1, 1), new DateOnly(today.Year, 12, 31)),
        "tuychon" => ProcessingReportQuery.ParsePeriod(from, to),
        _ => new ReportPeriod(new DateOnly(today.Year, today.Month, 1), new DateOnly(today.Year, today.Month, DateTime.DaysInMonth(today.Year, today.Month))),
    };

    private static ReportPeriod Quarter(DateOnly today)
    {
        var first = new DateOnly(today.Year, ((today.Month - 1) / 3 * 3) + 1, 1);
        return new ReportPeriod(first, first.AddMonths(3).AddDays(-1));
    }

    /// <summary>Refused: the unit is outside the subtrees where the officer reads reports.</summary>
    public static ProblemException NotReadable() =>
        ProblemException.Forbidden("Bạn chỉ xem được báo cáo của đơn vị mình lãnh đạo hoặc theo dõi và các đơn vị trực thuộc.");

    /// <summary>Refuses (403) unless the officer leads, monitors or administers the unit or a unit above it.</summary>
    public static void EnsureReadable(OfficerScope scope, Guid unitId)
    {
        if (!Readers.Any(role => scope.Covers(role, unitId)))
        {
            throw NotReadable();
        }
    }

    /// <summary>The units whose reports the officer reads, in tree order.</summary>
    public static List<UnitNode> Units(OfficerScope scope)
    {
        var readable = Readers.SelectMany(scope.UnitsFor).ToHashSet();
        return scope.Tree.All().Where(u => readable.Contains(u.Id)).ToList();
    }

    /// <summary>The agencies among the units the officer reads (one-stop desks receive but do not process).</summary>
    public static List<Guid> Agencies(OfficerScope scope) =>
        Units(scope).Where(u => u.Kind != UnitKind.OneStopDesk).Select(u => u.Id).ToList();

    /// <summary>From the first of January to today (or the whole year when it is over).</summary>
    public static ReportPeriod YearToDate(int year, DateOnly today) =>
        new(new DateOnly(year, 1, 1), year < today.Year ? new DateOnly(year, 12, 31) : today);

    public static string Query(Guid unit, string kind, ReportPeriod period) =>
        $"donVi={unit}&ky={kind}&tu={period.From:yyyy-MM-dd}&den={period.To:yyyy-MM-dd}";

    private static readonly System.Globalization.CultureInfo Vietnamese = System.Globalization.CultureInfo.GetCultureInfo("vi-VN");

    public static string Percent(decimal? rate) => rate is { } r ? (r * 100).ToString("0.##", Vietnamese) + "%" : "không áp dụng";

    public static string Points(decimal? points) => points is { } p ? p.ToString("0.00", Vietnamese) : "không áp dụng";
}
