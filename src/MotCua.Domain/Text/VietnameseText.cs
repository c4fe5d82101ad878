using System.Globalization;
using System.Text;

namespace MotCua.Domain.Text;

/// <summary>Normalisation of Vietnamese text at the edge: NFC, no zero-width characters, single spaces.</summary>
public static class VietnameseText
{
    /// <summary>
    /// Text as stored: NFC (input may arrive decomposed from some keyboards and PDFs), without stray
    /// zero-width or control characters, trimmed, runs of white space collapsed.
    /// </summary>
    public static string Normalize(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }
        var composed = value.Normalize(NormalizationForm.FormC);
        var builder = new StringBuilder(composed.Length);
        var pendingSpace = false;
        foreach (var c in composed)
        {
            if (c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u00AD')
            {
                continue;
            }
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }
            if (char.IsControl(c))
            {
                continue;
            }
            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }
            builder.Append(c);
        }
        return builder.ToString();
    }

    /// <summary>Like <see cref="Normalize"/> for each line of a multi-line text; empty lines dropped, line breaks kept.</summary>
    public static string NormalizeLines(string? value) =>
        string.Join('\n', (value ?? "").Split('\n').Select(Normalize).Where(line => line.Length > 0));

    /// <summary>
    /// Search key: lower case, diacritics removed, đ folded to d. "Đăng ký khai sinh" → "dang ky khai sinh".
    /// </summary>
    public static string Fold(string? value)
    {
        var normalized = Normalize(value);
        var decomposed = normalized.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            builder.Append(c switch
            {
                'đ' or 'Đ' => 'd',
                _ => char.ToLowerInvariant(c),
            });
        }
        return builder.ToString();
    }
}
