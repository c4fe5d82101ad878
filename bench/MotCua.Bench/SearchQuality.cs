using System.Globalization;
using MotCua.Core.Seeding;
using MotCua.Domain.Catalogue;

namespace MotCua.Bench;

/// <summary>
/// hit@3 and MRR of catalogue search on the committed test set (bench/search/queries.tsv), over the
/// sample catalogue with the editors' keywords: the same documents the app indexes on a demo database.
/// </summary>
internal static class SearchQuality
{
    public sealed record Query(string Text, string[] Expected, string Kind);

    public static int Run(string[] args)
    {
        var path = args.FirstOrDefault(a => !a.StartsWith('-')) ?? Path.Combine(AppContext.BaseDirectory, "queries.tsv");
        var queries = Load(path);
        var fields = SampleCatalogue.Load().Fields.ToDictionary(f => f.Code, f => f.Name);
        var documents = SampleCatalogue.LoadEditedProcedures().Select(p => new SearchDocument(
            p.Code!, p.Name!, p.Keywords ?? [], fields.GetValueOrDefault(p.Field ?? "") ?? "", p.Agency ?? "", false)).ToList();
        var index = new ProcedureSearchIndex(documents);

        var verbose = args.Contains("--verbose");
        var byKind = new Dictionary<string, (int Count, int Hits, double Reciprocal)>();
        foreach (var query in queries)
        {
            var hits = index.Search(query.Text, limit: 10);
            var rank = hits.Select((h, i) => (Code: index[h.Index].Code, Rank: i + 1)).FirstOrDefault(h => query.Expected.Contains(h.Code)).Rank;
            var (count, top3, reciprocal) = byKind.GetValueOrDefault(query.Kind);
            byKind[query.Kind] = (count + 1, top3 + (rank is > 0 and <= 3 ? 1 : 0), reciprocal + (rank > 0 ? 1.0 / rank : 0));
            if (verbose || rank is 0 or > 3)
            {
                Console.WriteLine($"{(rank is > 0 and <= 3 ? "  " : "✗ ")}[{rank}] {query.Text} → {string.Join(" | ", hits.Take(3).Select(h => $"{index[h.Index].Code} {index[h.Index].Name} ({h.Score:0.#})"))}");
            }
        }
        var total = byKind.Values.Aggregate((Count: 0, Hits: 0, Reciprocal: 0.0), (a, k) => (a.Count + k.Count, a.Hits + k.Hits, a.Reciprocal + k.Reciprocal));
        foreach (var (kind, stats) in byKind.OrderBy(k => k.Key, StringComparer.Ordinal))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{kind,-13} queries={stats.Count,3} hit@3={stats.Hits / (double)stats.Count:F3} MRR={stats.Reciprocal / stats.Count:F3}"));
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"search-quality queries={total.Count} hit@3={total.Hits / (double)total.Count:F3} MRR={total.Reciprocal / total.Count:F3}"));
        return 0;
    }

    /// <summary>Single-thread search latency over a synthetic catalogue of <c>--count</c> procedures (in process, no HTTP).</summary>
    public static int Speed(string[] args)
    {
        var count = int.Parse(LoadGenerator.Arg(args, "--count") ?? "6000", CultureInfo.InvariantCulture);
        var queries = Load(LoadGenerator.Arg(args, "--queries") ?? Path.Combine(AppContext.BaseDirectory, "queries.tsv"));
        var fields = SampleCatalogue.Load().Fields.ToDictionary(f => f.Code, f => f.Name);
        var documents = CatalogueData.Generate(count).Select(p => new SearchDocument(
            p.Code!, p.Name!, p.Keywords ?? [], fields.GetValueOrDefault(p.Field ?? "") ?? "", p.Agency ?? "", false)).ToList();
        var build = System.Diagnostics.Stopwatch.StartNew();
        var index = new ProcedureSearchIndex(documents);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"index of {count} built in {build.Elapsed.TotalMilliseconds:F0} ms"));
        var times = new List<double>();
        for (var round = 0; round < 20; round++)
        {
            foreach (var query in queries)
            {
                var watch = System.Diagnostics.Stopwatch.StartNew();
                index.Search(query.Text, null, 0, 20);
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
        }
        times.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"search-speed documents={count} p50_ms={times[times.Count / 2]:F3} p99_ms={times[(int)(times.Count * 0.99)]:F3} max_ms={times[^1]:F3}"));
        return 0;
    }

    public static List<Query> Load(string path) =>
        File.ReadLines(path)
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('\t'))
            .Select(parts => new Query(parts[0], parts[1].Split(','), parts[2]))
            .ToList();
}
