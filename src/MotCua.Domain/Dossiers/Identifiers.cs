using System.Text.RegularExpressions;

namespace MotCua.Domain.Dossiers;

/// <summary>Checks of the identifiers an applicant gives at the desk.</summary>
public static partial class Identifiers
{
    // Province codes of the 12-digit personal identification number (Circular 07/2016/TT-BCA, annex).
    private static readonly HashSet<string> ProvinceCodes =
    [
        "001", "002", "004", "006", "008", "010", "011", "012", "014", "015", "017", "019", "020", "022", "024", "025", "026", "027",
        "030", "031", "033", "034", "035", "036", "037", "038", "040", "042", "044", "045", "046", "048", "049", "051", "052", "054",
        "056", "058", "060", "062", "064", "066", "067", "068", "070", "072", "074", "075", "077", "079", "080", "082", "083", "084",
        "086", "087", "089", "091", "092", "093", "094", "095", "096",
    ];

    [GeneratedRegex(@"^\d{12}$", RegexOptions.CultureInvariant)]
    private static partial Regex TwelveDigits();

    [GeneratedRegex(@"^\d{10}(-\d{3})?$", RegexOptions.CultureInvariant)]
    private static partial Regex EnterpriseCodePattern();

    [GeneratedRegex(@"^0(3|5|7|8|9)\d{8}$", RegexOptions.CultureInvariant)]
    private static partial Regex MobilePattern();

    [GeneratedRegex(@"^0(2\d{9}|[1-9]\d{8})$", RegexOptions.CultureInvariant)]
    private static partial Regex LandlinePattern();

    /// <summary>
    /// The 12-digit personal id (số định danh cá nhân): a province code, a digit for century and sex, two
    /// digits of the birth year and six random digits. Returns the Vietnamese reason it is wrong, or null.
    /// </summary>
    public static string? PersonalIdProblem(string? value, int currentYear)
    {
        if (value is null || !TwelveDigits().IsMatch(value))
        {
            return "Số định danh cá nhân phải gồm đúng 12 chữ số.";
        }
        if (!ProvinceCodes.Contains(value[..3]))
        {
            return "Ba chữ số đầu của số định danh cá nhân không phải mã tỉnh, thành phố nơi đăng ký khai sinh.";
        }
        var century = value[3] - '0';
        if (century > 5)
        {
            return "Chữ số thứ tư (thế kỷ và giới tính) của số định danh cá nhân không hợp lệ.";
        }
        var year = 1900 + (century / 2 * 100) + int.Parse(value.AsSpan(4, 2), System.Globalization.CultureInfo.InvariantCulture);
        if (year > currentYear)
        {
            return "Năm sinh trong số định danh cá nhân không hợp lệ.";
        }
        return null;
    }

    public static bool IsEnterpriseCode(string? value) => value is not null && EnterpriseCodePattern().IsMatch(value);

    /// <summary>Vietnamese phone numbers, written 0… or +84….</summary>
    public static string? NormalizePhone(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        var digits = new string(value.Where(c => char.IsDigit(c) || c == '+').ToArray());
        if (digits.StartsWith("+84", StringComparison.Ordinal))
        {
            digits = "0" + digits[3..];
        }
        else if (digits.StartsWith("84", StringComparison.Ordinal) && digits.Length == 11)
        {
            digits = "0" + digits[2..];
        }
        return MobilePattern().IsMatch(digits) || LandlinePattern().IsMatch(digits) ? digits : null;
    }

    /// <summary>The dossier code <c>&lt;agency code&gt;-YYMMDD-NNNN</c>.</summary>
    public static string DossierCode(string agencyCode, DateOnly day, int sequence) =>
        $"{agencyCode}-{day:yyMMdd}-{sequence:D4}";
}
