using MotCua.Domain.Dossiers;

namespace MotCua.Domain.Tests.Dossiers;

public sealed class IdentifiersTests
{
    [Theory]
    [InlineData("001099012345", null)]
    [InlineData("079203000123", null)]
    [InlineData("00109901234", "12 chữ số")]
    [InlineData("0010990123AB", "12 chữ số")]
    [InlineData("003099012345", "mã tỉnh")]
    [InlineData("001699012345", "thế kỷ")]
    [InlineData("001299012345", "Năm sinh")]
    public void PersonalId_FollowsCircular07_2016(string value, string? problem)
    {
        // Circular 07/2016/TT-BCA art. 7: province code (3), century and sex (1), birth year (2), random (6).
        var found = Identifiers.PersonalIdProblem(value, 2026);
        if (problem is null)
        {
            Assert.Null(found);
        }
        else
        {
            Assert.Contains(problem, found, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("0912 345 678", "0912345678")]
    [InlineData("+84 912345678", "0912345678")]
    [InlineData("84912345678", "0912345678")]
    [InlineData("0243 8234567", "02438234567")]
    [InlineData("0123", null)]
    [InlineData("+1 212 555 0100", null)]
    [InlineData("", null)]
    public void Phone_IsNormalisedToTheNationalForm(string input, string? expected) =>
        Assert.Equal(expected, Identifiers.NormalizePhone(input));

    [Theory]
    [InlineData("0101234567", true)]
    [InlineData("0101234567-001", true)]
    [InlineData("010123456", false)]
    [InlineData("0101234567-01", false)]
    public void EnterpriseCode_HasTenDigitsAndAnOptionalBranchSuffix(string value, bool valid) =>
        Assert.Equal(valid, Identifiers.IsEnterpriseCode(value));

    [Fact]
    public void DossierCode_IsAgencyDateAndFourDigitSequence() =>
        Assert.Equal("000.00.01.H22-261123-0007", Identifiers.DossierCode("000.00.01.H22", new DateOnly(2026, 11, 23), 7));
}
