namespace MotCua.Domain.Reports;

/// <summary>A count over a count; "not applicable" when nothing was there to count.</summary>
public readonly record struct Ratio(long Numerator, long Denominator)
{
    public static readonly Ratio None = new(0, 0);

    public decimal? Rate => Denominator == 0 ? null : (decimal)Numerator / Denominator;
}

/// <summary>What the Decision 766 index is computed from, for one unit subtree and period (INDICATORS.md).</summary>
public sealed record ServiceIndexInputs
{
    public Ratio AnnouncedOnTime { get; init; }
    public Ratio PublishedOnTime { get; init; }
    public Ratio CompleteContent { get; init; }
    public Ratio SyncedToNpsp { get; init; }

    /// <summary>Finished on time (at most one supplement request) ÷ finished in the period or unfinished and overdue at its end.</summary>
    public Ratio OnTime { get; init; }

    public Ratio ProceduresOnline { get; init; }
    public Ratio OnlineProceduresUsed { get; init; }
    public Ratio OnlineDossiers { get; init; }

    public Ratio PayableOnline { get; init; }
    public Ratio PaidOnline { get; init; }
    public Ratio AmountPaidOnline { get; init; }

    public Ratio FeedbackOnTime { get; init; }
    public Ratio FeedbackSatisfied { get; init; }

    /// <summary>Late dossiers ÷ finished dossiers, and dossiers with a complaint or a "not satisfied" rating ÷ finished dossiers.</summary>
    public Ratio Late { get; init; }
    public Ratio Complained { get; init; }

    public Ratio ElectronicResults { get; init; }
    public Ratio DigitisedDossiers { get; init; }
    public Ratio ElectronicCopies { get; init; }
    public Ratio DataReuse { get; init; }
    public Ratio ResultsStored { get; init; }
    public Ratio PopulationData { get; init; }
    public Ratio PopulationPrefill { get; init; }
}

/// <summary>One sub-indicator: its points (null when not applicable) and the rate behind them.</summary>
public sealed record IndexItem(string Key, string Name, decimal Max, decimal? Points, decimal? Rate, long Numerator, long Denominator)
{
    public bool Applicable => Points is not null;
}

public sealed record IndexGroup(string Key, string Name, decimal Max, IReadOnlyList<IndexItem> Items)
{
    /// <summary>Sum of the applicable items' points; null when none applies.</summary>
    public decimal? Points => Items.Any(i => i.Applicable) ? Items.Sum(i => i.Points ?? 0) : null;

    /// <summary>The points the applicable items could give.</summary>
    public decimal ApplicableMax => Items.Where(i => i.Applicable).Sum(i => i.Max);
}

/// <summary>The 100-point index: six groups; the total adds what applies (and says out of how much).</summary>
public sealed record ServiceIndexResult(IReadOnlyList<IndexGroup> Groups)
{
    public decimal Max => Groups.Sum(g => g.Max);

    public decimal? Total => Groups.Any(g => g.Points is not null) ? Groups.Sum(g => g.Points ?? 0) : null;

    public decimal ApplicableMax => Groups.Sum(g => g.ApplicableMax);
}

/// <summary>
/// Decision 766/QĐ-TTg service-quality index as INDICATORS.md gives it. Full precision is kept; a rate with
/// an empty denominator is not applicable (no points, never 0 or 100%).
/// </summary>
public static class ServiceIndex
{
    public static ServiceIndexResult Compute(ServiceIndexInputs x) => new(
    [
        new("1", "Công khai, minh bạch", 18,
        [
            Share("1.1", "Thủ tục được công bố đúng hạn", 6, x.AnnouncedOnTime),
            Share("1.2", "Thủ tục được công khai trên Cơ sở dữ liệu quốc gia đúng hạn", 4, x.PublishedOnTime),
            Share("1.3", "Thủ tục có đầy đủ nội dung", 2, x.CompleteContent),
            Share("1.4", "Hồ sơ được đồng bộ lên Cổng Dịch vụ công quốc gia", 6, x.SyncedToNpsp),
        ]),
        new("2", "Tiến độ giải quyết", 20,
        [
            Share("2.1", "Hồ sơ giải quyết đúng hạn", 20, x.OnTime),
        ]),
        new("3", "Dịch vụ công trực tuyến", 12,
        [
            Item("3.1", "Thủ tục cung cấp dịch vụ công trực tuyến", 2, x.ProceduresOnline, rate => Math.Min(2, 2 * rate / 0.8m)),
            Share("3.2", "Dịch vụ công trực tuyến phát sinh hồ sơ", 4, x.OnlineProceduresUsed),
            Item("3.3", "Hồ sơ trực tuyến", 6, x.OnlineDossiers, rate => Math.Min(6, 6 * rate / 0.5m)),
        ]),
        new("4", "Thanh toán trực tuyến", 10,
        [
            Share("4.1", "Thủ tục có phí, lệ phí được thanh toán trực tuyến", 6, x.PayableOnline),
            Item("4.2", "Hồ sơ thanh toán trực tuyến", 2, x.PaidOnline, rate => Math.Min(2, 2.5m * rate)),
            Item("4.3", "Số tiền thanh toán trực tuyến", 2, x.AmountPaidOnline, rate => Math.Min(2, 2.5m * rate)),
        ]),
        new("5", "Mức độ hài lòng", 18,
        [
            Share("5.1", "Phản ánh, kiến nghị được xử lý đúng hạn", 6, x.FeedbackOnTime),
            Share("5.2", "Hài lòng với việc xử lý phản ánh, kiến nghị", 6, x.FeedbackSatisfied),
            Satisfaction(x.Late, x.Complained),
        ]),
        new("6", "Số hóa hồ sơ", 22,
        [
            Share("6.1", "Kết quả giải quyết điện tử", 6, x.ElectronicResults),
            Share("6.2", "Hồ sơ được số hóa", 4, x.DigitisedDossiers),
            Share("6.3", "Cấp bản sao điện tử có chứng thực", 2, x.ElectronicCopies),
            Item("6.4", "Tái sử dụng dữ liệu đã số hóa", 2, x.DataReuse, rate => Math.Min(2, 2 * rate / 0.8m)),
            Share("6.5", "Kết quả được lưu vào kho dữ liệu của người dân, doanh nghiệp", 4, x.ResultsStored),
            Share("6.6", "Hồ sơ sử dụng dữ liệu dân cư", 2, x.PopulationData),
            Share("6.7", "Thủ tục kết nối Cơ sở dữ liệu quốc gia về dân cư", 2, x.PopulationPrefill),
        ]),
    ]);

    /// <summary>
    /// Group 2: dossiers finished on time ÷ dossiers finished in the period or due by its end. A dossier
    /// finished in the period counts by its timeliness (more than one supplement request is already late);
    /// an unfinished one whose due moment passed by the period's end counts late; one waiting for a
    /// supplement (clock stopped) or still within its time is left out; a withdrawal in the period is the
    /// applicant's choice, not processing, and is left out too (one withdrawn later was still being processed).
    /// </summary>
    public static Ratio OnTime(IEnumerable<ReportedDossier> dossiers, ReportPeriod period)
    {
        long onTime = 0, judged = 0;
        foreach (var d in dossiers)
        {
            if (!ProcessingReport.Belongs(d, period))
            {
                continue;
            }
            if (d.FinishedAt is { } finished && finished < period.End)
            {
                if (d.Status == Dossiers.DossierStatus.Withdrawn)
                {
                    continue;
                }
                judged++;
                if (ProcessingReport.Class(d, finished) != Dossiers.Timeliness.Late)
                {
                    onTime++;
                }
            }
            else if (d.DueAt is { } due && due <= period.End)
            {
                judged++;
            }
        }
        return new Ratio(onTime, judged);
    }

    /// <summary>max × rate.</summary>
    private static IndexItem Share(string key, string name, decimal max, Ratio ratio) => Item(key, name, max, ratio, rate => max * rate);

    private static IndexItem Item(string key, string name, decimal max, Ratio ratio, Func<decimal, decimal> points) =>
        new(key, name, max, ratio.Rate is { } rate ? points(rate) : null, ratio.Rate, ratio.Numerator, ratio.Denominator);

    /// <summary>r = 100% − (late % + complained %), 6 × min(1, r ÷ 90%); r is never below 0.</summary>
    private static IndexItem Satisfaction(Ratio late, Ratio complained)
    {
        decimal? rate = late.Rate is { } l ? Math.Max(0, 1 - l - (complained.Rate ?? 0)) : null;
        return new IndexItem("5.3", "Hài lòng với việc giải quyết thủ tục hành chính", 6, rate is { } r ? 6 * Math.Min(1, r / 0.9m) : null, rate,
            late.Numerator + complained.Numerator, late.Denominator);
    }
}
