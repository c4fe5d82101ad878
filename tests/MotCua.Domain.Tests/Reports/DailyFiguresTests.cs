using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MotCua.Domain.Dossiers;
using MotCua.Domain.Reports;

namespace MotCua.Domain.Tests.Reports;

/// <summary>
/// The daily figures summed over any period give exactly what classing each dossier gives (form 06 and the 766
/// dossier ratios), and a change of state moves them like recomputing from scratch.
/// </summary>
public sealed class DailyFiguresTests
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);
    private static readonly DateTimeOffset Origin = new(2026, 1, 1, 0, 0, 0, Vietnam);
    private static readonly Guid Unit = Guid.Parse("0b0e8a5c-0000-4000-8000-000000000766");

    private sealed record Case(DossierFacts Facts, IReadOnlyList<DateTimeOffset> Supplements);

    private static readonly DossierStatus[] Finished = [DossierStatus.Returned, DossierStatus.ResultReady, DossierStatus.Withdrawn, DossierStatus.Stopped];
    private static readonly DossierStatus[] Unfinished = [DossierStatus.Received, DossierStatus.InProgress, DossierStatus.AwaitingSupplement, DossierStatus.Suspended];

    private static readonly Gen<Case> Cases =
        from receivedDay in Gen.Choose(0, 200)
        from receivedHour in Gen.Choose(0, 23)
        from channel in Gen.Elements(Channel.Direct, Channel.Online, Channel.Postal)
        from finishedAfter in Gen.Choose(-1, 40)
        from finishedHour in Gen.Choose(0, 23)
        from allowance in Gen.Choose(0, 30)
        from dueHour in Gen.Elements(0, 8, 17)
        from hasDue in Gen.Elements(true, true, true, false)
        from finishedStatus in Gen.Elements(Finished)
        from openStatus in Gen.Elements(Unfinished)
        from storedTimeliness in Gen.Elements<Timeliness?>(null, Timeliness.Early, Timeliness.OnTime, Timeliness.Late)
        from method in Gen.Elements<ReturnMethod?>(null, ReturnMethod.Desk, ReturnMethod.Online)
        from synced in Gen.Elements(true, false)
        from digitised in Gen.Elements(true, false)
        from code in Gen.Elements("1.001", "1.002", "2.001")
        from requests in Gen.ListOf(Gen.Choose(0, 40))
        let received = Origin.AddDays(receivedDay).AddHours(receivedHour)
        let finished = finishedAfter < 0 ? (DateTimeOffset?)null : received.AddDays(finishedAfter).AddHours(finishedHour)
        let due = hasDue ? new DateTimeOffset(received.Date.AddDays(allowance), Vietnam).AddHours(dueHour) : (DateTimeOffset?)null
        let supplements = requests.Take(3).Select(d => received.AddDays(d).AddMinutes(30)).Where(at => finished is not { } f || at <= f).ToList()
        select new Case(
            new DossierFacts(Unit, received, channel, finished is null ? openStatus : finishedStatus, finished,
                finished is null ? null : storedTimeliness, due, method, code, synced, digitised),
            supplements);

    private static readonly Gen<ReportPeriod> Periods =
        from start in Gen.Choose(-5, 230)
        from length in Gen.Choose(1, 120)
        let first = DateOnly.FromDateTime(Origin.Date).AddDays(start)
        select new ReportPeriod(first, first.AddDays(length - 1));

    private static Dictionary<FigureCell, long> Figures(IEnumerable<Case> cases)
    {
        var figures = new Dictionary<FigureCell, long>();
        foreach (var c in cases)
        {
            DailyFigures.Add(figures, c.Facts, c.Supplements, +1);
        }
        return figures;
    }

    private static ReportedDossier Reported(Case c, ReportPeriod period) =>
        c.Facts.Reported with { SupplementRequestedInPeriod = c.Supplements.Any(at => at >= period.Start && at < period.End) };

    [Property(MaxTest = 400)]
    public Property Sums_EqualForm06AndTheProgressRatio_ForAnyDossiersAndPeriod() =>
        Prop.ForAll(Gen.ListOf(Cases).ToArbitrary(), Periods.ToArbitrary(), (cases, period) =>
        {
            var sums = FigureSums.Of(Figures(cases), period);
            var reported = cases.Select(c => Reported(c, period)).ToList();
            return sums.Processing() == ProcessingReport.Tally(reported, period)
                && sums.OnTime() == ServiceIndex.OnTime(reported, period);
        });

    [Property(MaxTest = 300)]
    public Property Sums_GiveTheReceivedAndResultRatios() =>
        Prop.ForAll(Gen.ListOf(Cases).ToArbitrary(), Periods.ToArbitrary(), (cases, period) =>
        {
            var sums = FigureSums.Of(Figures(cases), period);
            var received = cases.Where(c => c.Facts.ReceivedAt >= period.Start && c.Facts.ReceivedAt < period.End).Select(c => c.Facts).ToList();
            var results = cases.Select(c => c.Facts)
                .Where(f => f.FinishedAt >= period.Start && f.FinishedAt < period.End && f.Status is DossierStatus.ResultReady or DossierStatus.Returned).ToList();
            return sums.Online == new Ratio(received.Count(f => f.Channel == Channel.Online), received.Count)
                && sums.Synced == new Ratio(received.Count(f => f.Synced), received.Count)
                && sums.Digitised == new Ratio(received.Count(f => f.Digitised), received.Count)
                && sums.ElectronicResults == new Ratio(results.Count(f => f.ReturnMethod == ReturnMethod.Online), results.Count)
                && sums.OnlineProceduresUsed.SetEquals(received.Where(f => f.Channel == Channel.Online).Select(f => f.ProcedureCode));
        });

    [Property(MaxTest = 300)]
    public Property AChangeOfState_MovesTheFiguresLikeRecomputing() =>
        Prop.ForAll(Cases.ToArbitrary(), Cases.ToArbitrary(), (before, after) =>
        {
            var moved = Figures([before]);
            DailyFigures.Add(moved, before.Facts, before.Supplements, -1);
            DailyFigures.Add(moved, after.Facts, after.Supplements, +1);
            var fresh = Figures([after]);
            return moved.Count == fresh.Count && moved.All(m => fresh.TryGetValue(m.Key, out var v) && v == m.Value);
        });

    [Fact]
    public void ADossierAskedTwiceForASupplement_CountsOnceInAPeriodWithBoth_AndOnceInEachPeriodWithOne()
    {
        var received = new DateTimeOffset(2026, 3, 2, 9, 0, 0, Vietnam);
        var dossier = new Case(new DossierFacts(Unit, received, Channel.Direct, DossierStatus.InProgress, null, null, received.AddDays(10),
            null, "1.001", false, false), [received.AddDays(1), received.AddDays(20)]);
        var figures = Figures([dossier]);
        int Returned(DateOnly from, DateOnly to) => FigureSums.Of(figures, new ReportPeriod(from, to)).Processing().ReturnedForSupplement;
        Assert.Equal(1, Returned(new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31)));
        Assert.Equal(1, Returned(new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 10)));
        Assert.Equal(1, Returned(new DateOnly(2026, 3, 15), new DateOnly(2026, 3, 31)));
        Assert.Equal(0, Returned(new DateOnly(2026, 3, 5), new DateOnly(2026, 3, 20)));
    }

    [Fact]
    public void DueAtMidnight_IsOverdueInTheDayBefore()
    {
        var received = new DateTimeOffset(2026, 3, 2, 9, 0, 0, Vietnam);
        var due = new DateTimeOffset(2026, 3, 10, 0, 0, 0, Vietnam);
        var figures = Figures([new Case(new DossierFacts(Unit, received, Channel.Direct, DossierStatus.InProgress, null, null, due, null, "1.001", false, false), [])]);
        Assert.Equal(1, FigureSums.Of(figures, new ReportPeriod(new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 9))).Processing().InProgress.Overdue);
        Assert.Equal(0, FigureSums.Of(figures, new ReportPeriod(new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 8))).Processing().InProgress.Overdue);
    }
}
