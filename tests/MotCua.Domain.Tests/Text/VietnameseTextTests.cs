using System.Text;
using FsCheck.Xunit;
using MotCua.Domain.Text;

namespace MotCua.Domain.Tests.Text;

public sealed class VietnameseTextTests
{
    [Fact]
    public void Normalize_DecomposedInput_IsStoredComposed()
    {
        var decomposed = "Đăng ký khai sinh".Normalize(NormalizationForm.FormD);
        Assert.NotEqual("Đăng ký khai sinh", decomposed);
        Assert.Equal("Đăng ký khai sinh", VietnameseText.Normalize(decomposed));
    }

    [Fact]
    public void Normalize_RemovesZeroWidthCharactersAndCollapsesSpaces()
    {
        Assert.Equal("Nguyễn Văn An", VietnameseText.Normalize("  Nguy\u200Bễn \t Văn\u00A0\u00A0An\uFEFF "));
    }

    [Theory]
    [InlineData("Đăng ký khai sinh", "dang ky khai sinh")]
    [InlineData("ĐẤT ĐAI", "dat dai")]
    [InlineData("Giấy chứng nhận quyền sử dụng đất", "giay chung nhan quyen su dung dat")]
    [InlineData("Hộ tịch", "ho tich")]
    public void Fold_IgnoresDiacriticsAndCase_WithDFolded(string input, string expected) =>
        Assert.Equal(expected, VietnameseText.Fold(input));

    [Property]
    public bool Fold_IsIdempotent(string? input)
    {
        var once = VietnameseText.Fold(input);
        return VietnameseText.Fold(once) == once;
    }

    [Property]
    public bool Normalize_IsIdempotent(string? input)
    {
        var once = VietnameseText.Normalize(input);
        return VietnameseText.Normalize(once) == once;
    }
}
