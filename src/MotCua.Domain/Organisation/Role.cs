namespace MotCua.Domain.Organisation;

/// <summary>What an officer may do; every role is granted on a unit subtree.</summary>
public enum Role
{
    /// <summary>Quản trị hệ thống: units, officers, holidays, audit.</summary>
    Administrator,
    /// <summary>Tiếp nhận và trả kết quả (Bộ phận Một cửa).</summary>
    Reception,
    /// <summary>Chuyên viên xử lý hồ sơ.</summary>
    Specialist,
    /// <summary>Lãnh đạo phê duyệt, ký.</summary>
    Leader,
    /// <summary>Văn thư: numbers and seals results.</summary>
    Clerk,
    /// <summary>Theo dõi, báo cáo: indicators and reports.</summary>
    Monitor,
    /// <summary>Biên tập thủ tục hành chính: drafts and amends catalogue entries.</summary>
    CatalogueEditor,
    /// <summary>Kiểm soát thủ tục hành chính: reviews drafts and records their announcement.</summary>
    ProcedureControl,
}

public static class RoleNames
{
    public static string Vietnamese(this Role role) => role switch
    {
        Role.Administrator => "Quản trị hệ thống",
        Role.Reception => "Tiếp nhận và trả kết quả",
        Role.Specialist => "Chuyên viên xử lý",
        Role.Leader => "Lãnh đạo phê duyệt",
        Role.Clerk => "Văn thư",
        Role.Monitor => "Theo dõi, báo cáo",
        Role.CatalogueEditor => "Biên tập thủ tục hành chính",
        Role.ProcedureControl => "Kiểm soát thủ tục hành chính",
        _ => role.ToString(),
    };

    /// <summary>The wire name used in JSON and URLs (snake case).</summary>
    public static string Key(this Role role) => role switch
    {
        Role.Administrator => "administrator",
        Role.Reception => "reception",
        Role.Specialist => "specialist",
        Role.Leader => "leader",
        Role.Clerk => "clerk",
        Role.Monitor => "monitor",
        Role.CatalogueEditor => "catalogue_editor",
        Role.ProcedureControl => "procedure_control",
        _ => role.ToString().ToLowerInvariant(),
    };

    public static bool TryParse(string? value, out Role role)
    {
        foreach (var candidate in Enum.GetValues<Role>())
        {
            if (string.Equals(candidate.Key(), value, StringComparison.OrdinalIgnoreCase))
            {
                role = candidate;
                return true;
            }
        }
        role = default;
        return false;
    }
}
