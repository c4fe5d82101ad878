using System.Net.Http.Json;
using System.Text.Json;
using MotCua.Testing;

namespace MotCua.Web.Tests.Catalogue;

/// <summary>
/// Search quality through the public API on the committed test set (bench/search/queries.tsv):
/// hit@3 ≥ 0.95 and MRR ≥ 0.85, the bar of the catalogue issue. The same figures are printed by
/// <c>dotnet run --project bench/MotCua.Bench -c Release -- search-quality</c>.
/// </summary>
public sealed class SearchQualityTests(MotCuaApp app) : IClassFixture<MotCuaApp>
{
    [Fact]
    public async Task TestSet_ReachesHitAt3AndMrrTargets()
    {
        var queries = File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Catalogue", "queries.tsv"))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('\t'))
            .Select(p => (Text: p[0], Expected: p[1].Split(',')))
            .ToList();
        Assert.True(queries.Count >= 80, $"the test set has {queries.Count} queries; at least 80 are required");

        var client = app.Anonymous();
        var hits = 0;
        var reciprocal = 0.0;
        var misses = new List<string>();
        foreach (var (text, expected) in queries)
        {
            var body = await client.GetFromJsonAsync<JsonElement>($"/api/v1/procedures?q={Uri.EscapeDataString(text)}&pageSize=10");
            var codes = body.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("code").GetString()).ToList();
            var rank = codes.FindIndex(c => expected.Contains(c)) + 1;
            if (rank is > 0 and <= 3)
            {
                hits++;
            }
            else
            {
                misses.Add($"{text} → rank {rank}");
            }
            reciprocal += rank > 0 ? 1.0 / rank : 0;
        }
        var hitAt3 = hits / (double)queries.Count;
        var mrr = reciprocal / queries.Count;
        Assert.True(hitAt3 >= 0.95, $"hit@3 = {hitAt3:F3}; misses: {string.Join("; ", misses)}");
        Assert.True(mrr >= 0.85, $"MRR = {mrr:F3}");
    }
}
