namespace MotCua.Domain.Catalogue;

/// <summary>Keys and Vietnamese names of the catalogue's fixed vocabularies.</summary>
public static class CatalogueTerms
{
    /// <summary>Implementing levels (cấp thực hiện).</summary>
    public static readonly IReadOnlyDictionary<string, string> Levels = new Dictionary<string, string>
    {
        ["tinh"] = "Cấp tỉnh",
        ["huyen"] = "Cấp huyện",
        ["xa"] = "Cấp xã",
        ["nganh_doc"] = "Cơ quan ngành dọc",
        ["trung_uong"] = "Cấp bộ, ngành trung ương",
    };

    /// <summary>Online service levels (Decree 45/2020, as renamed by Decree 224/2026).</summary>
    public static readonly IReadOnlyDictionary<string, string> OnlineLevels = new Dictionary<string, string>
    {
        ["toan_trinh"] = "Dịch vụ công trực tuyến toàn trình",
        ["mot_phan"] = "Dịch vụ công trực tuyến một phần",
        ["khong"] = "Không cung cấp trực tuyến",
    };

    /// <summary>Who performs an internal process step.</summary>
    public static readonly IReadOnlyDictionary<string, string> StepRoles = new Dictionary<string, string>
    {
        ["tiep_nhan"] = "Bộ phận tiếp nhận",
        ["chuyen_vien"] = "Chuyên viên xử lý",
        ["lanh_dao"] = "Lãnh đạo phê duyệt",
        ["van_thu"] = "Văn thư",
        ["tra_ket_qua"] = "Bộ phận trả kết quả",
    };

    public static string LevelName(string key) => Levels.TryGetValue(key, out var name) ? name : key;

    public static string OnlineLevelName(string key) => OnlineLevels.TryGetValue(key, out var name) ? name : key;
}
