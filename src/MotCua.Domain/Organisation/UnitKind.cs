namespace MotCua.Domain.Organisation;

/// <summary>Kinds of node in the organisation tree. The tree itself is data of any depth.</summary>
public enum UnitKind
{
    Province,
    District,
    Department,
    ServiceCentre,
    Commune,
    OneStopDesk,
    VerticalAgency,
    Police,
}

public static class UnitKinds
{
    private static readonly (UnitKind Kind, string Key, string Name)[] All =
    [
        (UnitKind.Province, "tinh", "Tỉnh, thành phố"),
        (UnitKind.District, "huyen", "Huyện, quận, thị xã"),
        (UnitKind.Department, "so", "Sở, ban, ngành"),
        (UnitKind.ServiceCentre, "trung_tam", "Trung tâm Phục vụ hành chính công"),
        (UnitKind.Commune, "xa", "Xã, phường, đặc khu"),
        (UnitKind.OneStopDesk, "mot_cua", "Bộ phận Một cửa"),
        (UnitKind.VerticalAgency, "nganh_doc", "Cơ quan ngành dọc"),
        (UnitKind.Police, "cong_an", "Công an"),
    ];

    public static IEnumerable<UnitKind> Values => All.Select(k => k.Kind);

    /// <summary>The key used by the sample catalogue and the API (e.g. <c>xa</c>).</summary>
    public static string Key(this UnitKind kind) => All.First(k => k.Kind == kind).Key;

    public static string Vietnamese(this UnitKind kind) => All.First(k => k.Kind == kind).Name;

    public static bool TryParse(string? key, out UnitKind kind)
    {
        foreach (var entry in All)
        {
            if (string.Equals(entry.Key, key, StringComparison.OrdinalIgnoreCase))
            {
                kind = entry.Kind;
                return true;
            }
        }
        kind = default;
        return false;
    }
}
