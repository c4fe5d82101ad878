using System.Text.RegularExpressions;

namespace MotCua.Domain.Organisation;

/// <summary>
/// Agency code of the national catalogue of electronic-document codes (e.g. <c>000.00.01.H22</c>):
/// three dot-separated numeric groups and a letter plus two digits for the province or ministry.
/// It starts every dossier code of the unit.
/// </summary>
public static partial class AgencyCode
{
    [GeneratedRegex(@"^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    public static bool IsValid(string? code) => code is not null && Pattern().IsMatch(code);
}
