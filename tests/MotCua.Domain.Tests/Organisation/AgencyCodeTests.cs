using MotCua.Domain.Organisation;

namespace MotCua.Domain.Tests.Organisation;

public sealed class AgencyCodeTests
{
    [Theory]
    [InlineData("000.00.01.H22", true)]
    [InlineData("000.21.01.H49", true)]
    [InlineData("000.00.01.h22", false)]
    [InlineData("00.00.01.H22", false)]
    [InlineData("000.00.01.H2", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsValid_FollowsTheNationalCodeShape(string? code, bool expected) => Assert.Equal(expected, AgencyCode.IsValid(code));

    [Fact]
    public void UnitKinds_RoundTripThroughTheirKeys()
    {
        foreach (var kind in UnitKinds.Values)
        {
            Assert.True(UnitKinds.TryParse(kind.Key(), out var parsed));
            Assert.Equal(kind, parsed);
            Assert.NotEqual(kind.ToString(), kind.Vietnamese());
        }
    }

    [Fact]
    public void Roles_RoundTripThroughTheirKeys()
    {
        foreach (var role in Enum.GetValues<Role>())
        {
            Assert.True(RoleNames.TryParse(role.Key(), out var parsed));
            Assert.Equal(role, parsed);
        }
        Assert.False(RoleNames.TryParse("vua", out _));
    }
}
