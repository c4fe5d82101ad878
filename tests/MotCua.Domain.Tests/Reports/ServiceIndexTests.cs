using MotCua.Domain.Dossiers;
using MotCua.Domain.Reports;

namespace MotCua.Domain.Tests.Reports;

/// <summary>Decision 766/QĐ-TTg formulas (INDICATORS.md) on hand-computed fixtures.</summary>
public sealed class ServiceIndexTests
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);
    private static readonly ReportPeriod November = new(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30));
    private static readonly DateTimeOffset Due = new(2026, 11, 20, 17, 0, 0, Vietnam);

    private static IndexItem ItemOf(ServiceIndexResult result, string key) => result.Groups.SelectMany(g => g.Items).Single(i => i.Key == key);

    private static ServiceIndexInputs Everything(Ratio ratio) => new()
    {
        AnnouncedOnTime = ratio,
        PublishedOnTime = ratio,
        CompleteContent = ratio,
        SyncedToNpsp = ratio,
        OnTime = ratio,
        ProceduresOnline = ratio,
        OnlineProceduresUsed = ratio,
        OnlineDossiers = ratio,
        PayableOnline = ratio,
        PaidOnline = ratio,
        AmountPaidOnline = ratio,
        FeedbackOnTime = ratio,
        FeedbackSatisfied = ratio,
        Late = new(0, ratio.Denominator),
        Complained = new(0, ratio.Denominator),
        ElectronicResults = ratio,
        DigitisedDossiers = ratio,
        ElectronicCopies = ratio,
        DataReuse = ratio,
        ResultsStored = ratio,
        PopulationData = ratio,
        PopulationPrefill = ratio,
    };

    [Fact]
    public void EveryRateAtItsBest_GivesOneHundredPoints()
    {
        var result = ServiceIndex.Compute(Everything(new Ratio(10, 10)));
        Assert.Equal(100m, result.Total);
        Assert.Equal(100m, result.ApplicableMax);
        Assert.Equal([18m, 20m, 12m, 10m, 18m, 22m], result.Groups.Select(g => g.Points!.Value));
    }

    [Fact]
    public void NothingToCount_IsNotApplicable_NeverZeroOrFull()
    {
        var result = ServiceIndex.Compute(Everything(Ratio.None));
        Assert.Null(result.Total);
        Assert.All(result.Groups.SelectMany(g => g.Items), i => Assert.Null(i.Points));
        Assert.All(result.Groups.SelectMany(g => g.Items), i => Assert.Null(i.Rate));

        // One applicable item: the total is its points, out of its maximum.
        var one = ServiceIndex.Compute(new ServiceIndexInputs { OnTime = new Ratio(45, 50) });
        Assert.Equal(18m, one.Total);
        Assert.Equal(20m, one.ApplicableMax);
    }

    [Theory]
    [InlineData(40, 100, 1.0)] // 2 × 0.4 ÷ 0.8
    [InlineData(80, 100, 2.0)]
    [InlineData(95, 100, 2.0)] // capped at 2
    public void OnlineProcedures_ReachFullPointsAtEightyPercent(long online, long all, double points) =>
        Assert.Equal((decimal)points, ItemOf(ServiceIndex.Compute(new ServiceIndexInputs { ProceduresOnline = new(online, all) }), "3.1").Points);

    [Theory]
    [InlineData(25, 100, 3.0)] // 6 × 0.25 ÷ 0.5
    [InlineData(50, 100, 6.0)]
    [InlineData(70, 100, 6.0)]
    public void OnlineDossiers_ReachFullPointsAtHalf(long online, long all, double points) =>
        Assert.Equal((decimal)points, ItemOf(ServiceIndex.Compute(new ServiceIndexInputs { OnlineDossiers = new(online, all) }), "3.3").Points);

    [Theory]
    [InlineData(40, 100, 1.0)] // 2.5 × 0.4
    [InlineData(80, 100, 2.0)]
    public void OnlinePayments_AreWorthTwoAndAHalfTimesTheirShare(long paid, long due, double points)
    {
        var result = ServiceIndex.Compute(new ServiceIndexInputs { PaidOnline = new(paid, due), AmountPaidOnline = new(paid * 1000, due * 1000) });
        Assert.Equal((decimal)points, ItemOf(result, "4.2").Points);
        Assert.Equal((decimal)points, ItemOf(result, "4.3").Points);
    }

    [Fact]
    public void ProcessingSatisfaction_IsFullAtNinetyPercent_AndScalesBelow()
    {
        // r = 100% − (5% + 3%) = 92% ≥ 90%: 6 points.
        var good = ServiceIndex.Compute(new ServiceIndexInputs { Late = new(5, 100), Complained = new(3, 100) });
        Assert.Equal(6m, ItemOf(good, "5.3").Points);
        // r = 100% − (20% + 7%) = 73%: 6 × 73 ÷ 90 = 4.8666…
        var poor = ItemOf(ServiceIndex.Compute(new ServiceIndexInputs { Late = new(20, 100), Complained = new(7, 100) }), "5.3");
        Assert.Equal(0.73m, poor.Rate);
        Assert.Equal(4.87m, Math.Round(poor.Points!.Value, 2));
        // No finished dossier: not applicable.
        Assert.Null(ItemOf(ServiceIndex.Compute(new ServiceIndexInputs()), "5.3").Points);
    }

    private static ReportedDossier Finished(DateTimeOffset finished, int supplements = 0, DossierStatus status = DossierStatus.Returned) =>
        new(new DateTimeOffset(2026, 11, 16, 9, 0, 0, Vietnam), Channel.Direct, status, finished,
            TimelinessRules.Classify(finished, Due, supplements), Due, false);

    [Fact]
    public void Progress_AtTheDueMomentIsOnTime_OneSecondLaterIsLate_TwoSupplementsAreLate()
    {
        Assert.Equal(new Ratio(1, 1), ServiceIndex.OnTime([Finished(Due)], November));
        Assert.Equal(new Ratio(0, 1), ServiceIndex.OnTime([Finished(Due.AddSeconds(1))], November));
        Assert.Equal(new Ratio(1, 1), ServiceIndex.OnTime([Finished(Due.AddDays(-2), supplements: 1)], November));
        Assert.Equal(new Ratio(0, 1), ServiceIndex.OnTime([Finished(Due.AddDays(-2), supplements: 2)], November));
    }

    [Fact]
    public void Progress_CountsUnfinishedOverdueAsLate_AndLeavesOutStoppedClocksAndWithdrawals()
    {
        var received = new DateTimeOffset(2026, 11, 16, 9, 0, 0, Vietnam);
        ReportedDossier[] dossiers =
        [
            new(received, Channel.Direct, DossierStatus.InProgress, null, null, Due, false), // overdue at the end of November: late
            new(received, Channel.Direct, DossierStatus.InProgress, null, null, new DateTimeOffset(2026, 12, 3, 17, 0, 0, Vietnam), false), // not due yet
            new(received, Channel.Direct, DossierStatus.AwaitingSupplement, null, null, null, true), // waiting for a supplement
            new(received, Channel.Direct, DossierStatus.Suspended, null, null, null, false), // suspended
            Finished(Due.AddDays(-1), status: DossierStatus.Withdrawn),
            Finished(Due.AddDays(-1)),
        ];
        var ratio = ServiceIndex.OnTime(dossiers, November);
        Assert.Equal(new Ratio(1, 2), ratio);
        Assert.Equal(10m, ItemOf(ServiceIndex.Compute(new ServiceIndexInputs { OnTime = ratio }), "2.1").Points);
    }

    [Fact]
    public void Progress_ADossierWithdrawnAfterThePeriod_WasStillLateAtItsEnd()
    {
        var withdrawnInDecember = Finished(new DateTimeOffset(2026, 12, 2, 9, 0, 0, Vietnam), status: DossierStatus.Withdrawn);
        Assert.Equal(new Ratio(0, 1), ServiceIndex.OnTime([withdrawnInDecember], November));
    }
}
