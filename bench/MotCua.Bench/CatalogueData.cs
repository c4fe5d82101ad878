using System.Globalization;
using System.Text.Json;
using MotCua.Core.Catalogue;
using MotCua.Core.Seeding;

namespace MotCua.Bench;

/// <summary>
/// A synthetic provincial catalogue: variants of the 76 sample procedures (local codes with a suffix,
/// names qualified by case and place), to the size a province runs (6,000 by default).
/// </summary>
internal static class CatalogueData
{
    private static readonly string[] Cases =
    [
        "đối với cá nhân", "đối với tổ chức", "cho người nước ngoài", "cho người cư trú ở nước ngoài", "theo ủy quyền",
        "trường hợp có yếu tố nước ngoài", "trường hợp đặc biệt", "thực hiện lưu động", "tại Bộ phận Một cửa cấp tỉnh", "trong khu kinh tế",
        "cho hộ gia đình", "cho doanh nghiệp nhỏ", "đối với người có công", "cho đồng bào dân tộc thiểu số", "tại vùng đặc biệt khó khăn",
    ];

    private static readonly string[] Places =
    [
        "Bình Sơn", "Vạn Tường", "Bình Chương", "Minh Long", "Sơn Mai", "Cẩm Thành", "Nghĩa Lộ", "Trà Bồng", "Sơn Tịnh", "Tư Nghĩa",
        "Mộ Đức", "Đức Phổ", "Ba Tơ", "Lý Sơn", "Sơn Hà", "Sơn Tây", "Nghĩa Hành", "Trà Bồng", "Tịnh Khê", "Nghĩa Hà",
    ];

    public static int Run(string[] args)
    {
        var count = int.Parse(LoadGenerator.Arg(args, "--count") ?? "6000", CultureInfo.InvariantCulture);
        var output = LoadGenerator.Arg(args, "--out") ?? "catalogue-6000.json";
        var procedures = Generate(count);
        File.WriteAllText(output, JsonSerializer.Serialize(new { procedures }, JsonSerializerOptions.Web));
        Console.WriteLine($"wrote {procedures.Count} procedures to {output}");
        return 0;
    }

    public static List<ProcedureInput> Generate(int count)
    {
        var samples = SampleCatalogue.LoadEditedProcedures();
        var procedures = new List<ProcedureInput>(count);
        for (var i = 0; i < count; i++)
        {
            var source = samples[i % samples.Count];
            var variant = i / samples.Count;
            var json = JsonSerializer.Serialize(source, JsonSerializerOptions.Web);
            var copy = JsonSerializer.Deserialize<ProcedureInput>(json, JsonSerializerOptions.Web)!;
            if (variant > 0)
            {
                copy.Code = $"{source.Code}.G{variant:D4}";
                copy.Name = $"{source.Name} {Cases[variant % Cases.Length]} ({Places[variant / Cases.Length % Places.Length]})";
                copy.Components?.ForEach(c => c.Id = null);
            }
            procedures.Add(copy);
        }
        return procedures;
    }
}
