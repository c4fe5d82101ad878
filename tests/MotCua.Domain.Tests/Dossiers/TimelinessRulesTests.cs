using MotCua.Domain.Dossiers;

namespace MotCua.Domain.Tests.Dossiers;

/// <summary>Early / on time / late as form 05 and form 06 of Circular 01/2018/TT-VPCP count them.</summary>
public sealed class TimelinessRulesTests
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);
    private static readonly DateTimeOffset Due = new(2026, 11, 27, 9, 0, 0, Vietnam);

    [Fact]
    public void ExactlyAtTheDueMoment_IsOnTime() => Assert.Equal(Timeliness.OnTime, TimelinessRules.Classify(Due, Due));

    [Fact]
    public void OneSecondAfterTheDueMoment_IsLate() => Assert.Equal(Timeliness.Late, TimelinessRules.Classify(Due.AddSeconds(1), Due));

    [Fact]
    public void EarlierTheSameDay_IsOnTime_AndTheDayBefore_IsEarly()
    {
        Assert.Equal(Timeliness.OnTime, TimelinessRules.Classify(new DateTimeOffset(2026, 11, 27, 7, 30, 0, Vietnam), Due));
        Assert.Equal(Timeliness.Early, TimelinessRules.Classify(new DateTimeOffset(2026, 11, 26, 16, 59, 0, Vietnam), Due));
    }

    [Fact]
    public void TheDateIsTakenInVietnamTime_NotUtc()
    {
        // 26/11 23:30 UTC is 27/11 06:30 in Vietnam: the due date itself, so on time rather than early.
        Assert.Equal(Timeliness.OnTime, TimelinessRules.Classify(new DateTimeOffset(2026, 11, 26, 23, 30, 0, TimeSpan.Zero), Due));
    }
}
