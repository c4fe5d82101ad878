using System.Text.RegularExpressions;

namespace MotCua.Domain.Text;

/// <summary>
/// Masks personal identifiers before text reaches logs or the audit trail
/// (Decree 13/2023/NĐ-CP: personal data used only for its purpose).
/// </summary>
public static partial class PersonalDataMask
{
    // 12-digit personal ids (CCCD) and 9-digit legacy ids; phone numbers of 10–11 digits.
    [GeneratedRegex(@"(?<!\d)(\d{9}|\d{10}|\d{11}|\d{12})(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex Digits();

    public static string Mask(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }
        return Digits().Replace(text, m => MaskValue(m.Value));
    }

    /// <summary>Keeps the last three digits: "001203004567" → "*********567".</summary>
    public static string MaskValue(string value) =>
        value.Length <= 3 ? new string('*', value.Length) : new string('*', value.Length - 3) + value[^3..];
}
