using MotCua.Domain.Reports;

namespace MotCua.Domain.Tests.Reports;

/// <summary>DOMAIN.md "Indicators and targets": below the central target → the central target; otherwise +10%, capped at 100%.</summary>
public sealed class TargetsTests
{
    [Theory]
    [InlineData(0.50, null, 0.50)] // no previous result: the central target
    [InlineData(0.50, 0.30, 0.50)] // below the central target: the central target
    [InlineData(0.50, 0.50, 0.60)] // at it: +10%
    [InlineData(0.50, 0.72, 0.82)]
    [InlineData(0.80, 0.95, 1.00)] // capped at 100%
    [InlineData(1.00, 1.00, 1.00)]
    public void UnitTarget_FollowsTheTenPercentRule(double central, double? previous, double expected) =>
        Assert.Equal((decimal)expected, Targets.ForUnit((decimal)central, (decimal?)previous));

    [Fact]
    public void Met_ComparesTheRate_AndIsUnknownWithoutOne()
    {
        Assert.True(Targets.Met(0.5m, 0.5m));
        Assert.False(Targets.Met(0.4999m, 0.5m));
        Assert.Null(Targets.Met(null, 0.5m));
    }

    [Fact]
    public void CentralTargets_BoundItemsOfTheIndex()
    {
        var keys = ServiceIndex.Compute(new ServiceIndexInputs()).Groups.SelectMany(g => g.Items).Select(i => i.Key).ToHashSet();
        Assert.All(Targets.Central, t => Assert.Contains(t.ItemKey, keys));
    }
}
