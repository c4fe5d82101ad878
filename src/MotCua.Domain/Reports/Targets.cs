namespace MotCua.Domain.Reports;

/// <summary>A yearly target on the rate behind one sub-indicator of the index.</summary>
public sealed record IndicatorTarget(string ItemKey, string Name, decimal Central);

/// <summary>
/// The province's targets (DOMAIN.md "Indicators and targets", from the 2024 plan) and the rule that turns
/// them into a unit's target for a year.
/// </summary>
public static class Targets
{
    /// <summary>The central targets, keyed by the index item whose rate they bound.</summary>
    public static readonly IReadOnlyList<IndicatorTarget> Central =
    [
        new("3.3", "Hồ sơ trực tuyến", 0.50m),
        new("4.2", "Thanh toán trực tuyến", 0.45m),
        new("5.1", "Xử lý phản ánh, kiến nghị đúng hạn", 1.00m),
        new("5.2", "Hài lòng với xử lý phản ánh, kiến nghị", 0.90m),
        new("5.3", "Hài lòng với giải quyết thủ tục hành chính", 0.90m),
        new("6.1", "Kết quả giải quyết điện tử", 1.00m),
        new("6.2", "Số hóa hồ sơ", 0.80m),
        new("6.3", "Bản sao điện tử có chứng thực", 1.00m),
        new("6.4", "Tái sử dụng dữ liệu đã số hóa", 0.50m),
    ];

    /// <summary>
    /// A unit's target: the central target when the unit's previous-year result is below it (or unknown);
    /// otherwise the previous result plus 10 percentage points, never below the central target and at most 100%.
    /// </summary>
    public static decimal ForUnit(decimal central, decimal? previousYear) =>
        previousYear is not { } previous || previous < central ? central : Math.Min(1m, Math.Max(central, previous + 0.10m));

    /// <summary>Met when the rate reaches the target; unknown (null) when the rate is not applicable.</summary>
    public static bool? Met(decimal? rate, decimal target) => rate is { } r ? r >= target : null;
}
