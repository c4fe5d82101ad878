using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MotCua.Domain.Dossiers;
using MotCua.Domain.Reports;

namespace MotCua.Domain.Tests.Reports;

/// <summary>Form 06 of Circular 01/2018/TT-VPCP, with the identities of DOMAIN.md "Reports".</summary>
public sealed class ProcessingReportTests
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);
    private static readonly ReportPeriod November = new(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30));

    private static DateTimeOffset At(int month, int day, int hour = 9) => new(2026, month, day, hour, 0, 0, Vietnam);

    private static ReportedDossier Open(DateTimeOffset received, DateTimeOffset? due, Channel channel = Channel.Direct, bool supplement = false) =>
        new(received, channel, DossierStatus.InProgress, null, null, due, supplement);

    private static ReportedDossier Done(DateTimeOffset received, DateTimeOffset finished, DateTimeOffset due, DossierStatus status = DossierStatus.Returned) =>
        new(received, Channel.Direct, status, finished, TimelinessRules.Classify(finished, due), due, false);

    [Fact]
    public void ReceivedInThePeriod_CountByChannel_AndEarlierUnfinishedOnesAreCarriedOver()
    {
        var figures = ProcessingReport.Tally(
        [
            Open(At(11, 2), At(11, 5), Channel.Online),
            Open(At(11, 3), At(12, 15), Channel.Direct),
            Open(At(11, 4), At(12, 15), Channel.Postal),
            Open(At(10, 20), At(12, 15)),
            Done(At(10, 1), At(10, 30), At(10, 31)), // finished before the period: not in it
            Open(At(12, 1), At(12, 15)), // received after it: not in it
        ], November);
        Assert.Equal(new ReceivedFigures(4, 1, 2, 1), figures.Received);
    }

    [Fact]
    public void ResolvedDossiers_AreClassedByTheirFinishMoment()
    {
        var due = At(11, 20, 17);
        var figures = ProcessingReport.Tally(
        [
            Done(At(11, 16), At(11, 19, 16), due), // a date before the due date: early
            Done(At(11, 16), due, due), // exactly at the due moment: on time
            Done(At(11, 16), due.AddSeconds(1), due), // one second after: late
            Done(At(11, 16), At(11, 18), due, DossierStatus.Withdrawn),
        ], November);
        Assert.Equal(new ResolvedFigures(4, 2, 1, 1), figures.Resolved);
        Assert.Equal(1, figures.Withdrawn);
    }

    [Fact]
    public void Unfinished_AreClassedAtThePeriodsEnd_AndAFinishAfterTheEndIsStillInProgress()
    {
        var figures = ProcessingReport.Tally(
        [
            Open(At(11, 10), At(11, 30, 17)), // due on the last day, unfinished at its end: overdue
            Open(At(11, 10), At(12, 1, 17)), // due after the period: within the deadline
            Open(At(11, 10), null, supplement: true), // clock stopped, waiting for a supplement
            Done(At(11, 10), At(12, 2), At(11, 25)), // finished after the period: in progress (overdue) for November
        ], November);
        Assert.Equal(new InProgressFigures(4, 2, 2), figures.InProgress);
        Assert.Equal(0, figures.Resolved.Total);
        Assert.Equal(1, figures.ReturnedForSupplement);
    }

    [Fact]
    public void Period_RunsFromMidnightToMidnightInVietnam() =>
        Assert.Equal((At(11, 1, 0), At(12, 1, 0)), (November.Start, November.End));

    private static Gen<ReportedDossier> Dossiers =>
        from receivedDay in Gen.Choose(-60, 45)
        from channel in Gen.Elements(Channel.Direct, Channel.Online, Channel.Postal)
        from allowance in Gen.Choose(0, 30)
        from finishedAfter in Gen.Choose(-1, 40)
        from withdrawn in Gen.Elements(false, false, true)
        from supplement in Gen.Elements(false, true)
        let received = At(11, 1).AddDays(receivedDay)
        let due = received.AddDays(allowance)
        let finished = finishedAfter < 0 ? (DateTimeOffset?)null : received.AddDays(finishedAfter).AddHours(3)
        select new ReportedDossier(received, channel, finished is null ? DossierStatus.InProgress : withdrawn ? DossierStatus.Withdrawn : DossierStatus.Returned,
            finished, finished is { } f ? TimelinessRules.Classify(f, due) : null, due, supplement);

    [Property(MaxTest = 300)]
    public Property Identities_HoldForAnyMixOfDossiers() =>
        Prop.ForAll(Gen.ListOf(Dossiers).ToArbitrary(), dossiers =>
        {
            var f = ProcessingReport.Tally(dossiers, November);
            return f.Received.Total == f.Received.Online + f.Received.DirectOrPostal + f.Received.CarriedOver
                && f.Received.Total == f.Resolved.Total + f.InProgress.Total
                && f.Resolved.Total == f.Resolved.Early + f.Resolved.OnTime + f.Resolved.Late
                && f.InProgress.Total == f.InProgress.WithinDeadline + f.InProgress.Overdue
                && f.Withdrawn <= f.Resolved.Total
                && f.Received.Total == dossiers.Count(d => ProcessingReport.Belongs(d, November));
        });
}
