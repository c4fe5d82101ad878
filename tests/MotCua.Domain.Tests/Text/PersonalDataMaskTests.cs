using MotCua.Domain.Text;

namespace MotCua.Domain.Tests.Text;

/// <summary>Decree 13/2023/NĐ-CP: personal identifiers never reach logs in clear.</summary>
public sealed class PersonalDataMaskTests
{
    [Fact]
    public void Mask_HidesPersonalIdAndPhoneButKeepsTheLastDigits()
    {
        var masked = PersonalDataMask.Mask("CCCD 001203004567, điện thoại 0905123456");
        Assert.Equal("CCCD *********567, điện thoại *******456", masked);
    }

    [Fact]
    public void Mask_LeavesDossierCodesAndShortNumbersAlone()
    {
        const string text = "Hồ sơ 000.00.01.H22-261123-0007, 3 ngày, năm 2026";
        Assert.Equal(text, PersonalDataMask.Mask(text));
    }
}
