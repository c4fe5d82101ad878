using System.Text;
using MotCua.Domain.Text;

namespace MotCua.Domain.Catalogue;

/// <summary>Tokenisation for catalogue search: Vietnamese words are syllables separated by spaces.</summary>
public static class SearchText
{
    /// <summary>Lower-case tokens with their diacritics (NFC), split on anything that is not a letter or digit.</summary>
    public static List<string> Tokens(string? text)
    {
        var normalized = VietnameseText.Normalize(text).ToLowerInvariant();
        var tokens = new List<string>();
        var current = new StringBuilder();
        foreach (var c in normalized)
        {
            if (char.IsLetterOrDigit(c))
            {
                current.Append(c);
            }
            else if (current.Length > 0)
            {
                tokens.Add(current.ToString());
                current.Clear();
            }
        }
        if (current.Length > 0)
        {
            tokens.Add(current.ToString());
        }
        return tokens;
    }

    /// <summary>The folded form of one token (no diacritics, đ → d).</summary>
    public static string Fold(string token) => VietnameseText.Fold(token);

    /// <summary>Folded text with single spaces between tokens, for phrase containment tests.</summary>
    public static string FoldedPhrase(string? text) => " " + string.Join(' ', Tokens(text).Select(Fold)) + " ";

    /// <summary>Lower-case text with diacritics and single spaces, for exact-diacritic phrase tests.</summary>
    public static string ExactPhrase(string? text) => " " + string.Join(' ', Tokens(text)) + " ";

    /// <summary>Damerau–Levenshtein distance (optimal string alignment), stopping early above <paramref name="limit"/>.</summary>
    public static int Distance(string a, string b, int limit)
    {
        if (Math.Abs(a.Length - b.Length) > limit)
        {
            return limit + 1;
        }
        var previous2 = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, previous2[j - 2] + 1);
                }
                current[j] = value;
                rowMin = Math.Min(rowMin, value);
            }
            if (rowMin > limit)
            {
                return limit + 1;
            }
            (previous2, previous, current) = (previous, current, previous2);
        }
        return previous[b.Length];
    }
}
