using System.Text.Json;
using System.Text.Json.Serialization;
using MotCua.Core.Catalogue;

namespace MotCua.Core.Seeding;

/// <summary>The sample catalogue and organisation shipped with the product (copied from the province's listing).</summary>
public sealed class SampleCatalogue
{
    public List<SampleField> Fields { get; set; } = [];

    public List<SampleUnit> Units { get; set; } = [];

    /// <summary>The procedures, in the format the catalogue imports (procedures.json).</summary>
    public List<ProcedureInput> Procedures { get; set; } = [];

    public static SampleCatalogue Load() => SeedResources.Read<SampleCatalogue>("procedures.json");

    /// <summary>
    /// The sample procedures with the editorial additions procedures.json lacks (search keywords,
    /// inter-agency set-ups) merged in.
    /// </summary>
    public static List<ProcedureInput> LoadEditedProcedures()
    {
        var catalogue = Load();
        var editorial = SeedResources.Read<SampleEditorial>("catalogue-editorial.json");
        foreach (var procedure in catalogue.Procedures)
        {
            procedure.Keywords ??= editorial.Keywords.GetValueOrDefault(procedure.Code ?? "");
            procedure.InterAgency ??= editorial.InterAgency.GetValueOrDefault(procedure.Code ?? "");
        }
        return catalogue.Procedures;
    }

    private sealed class SampleEditorial
    {
        public Dictionary<string, List<string>> Keywords { get; set; } = [];

        public Dictionary<string, InterAgencyInput> InterAgency { get; set; } = [];
    }
}

public sealed record SampleField(string Code, string Name);

public sealed record SampleUnit(string Id, string? ParentId, string Name, string Kind, string AgencyCode);

internal static class SeedResources
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
    };

    public static T Read<T>(string name)
    {
        using var stream = Open(name);
        return JsonSerializer.Deserialize<T>(stream, Json) ?? throw new InvalidOperationException($"Seed resource {name} is empty.");
    }

    public static Stream Open(string name) =>
        typeof(SeedResources).Assembly.GetManifestResourceStream("MotCua.Seed." + name)
        ?? throw new InvalidOperationException($"Seed resource {name} is missing from the assembly.");
}
