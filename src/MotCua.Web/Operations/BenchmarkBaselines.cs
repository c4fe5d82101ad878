using Microsoft.EntityFrameworkCore;
using MotCua.Core.Catalogue;
using MotCua.Core.Data;
using MotCua.Domain.Text;
using MotCua.Web.Api;
using MotCua.Web.Security;

namespace MotCua.Web.Operations;

/// <summary>
/// Baselines that bench/ measures the real endpoints against, mapped only with <c>Benchmarks:Enabled</c>
/// (never in a normal deployment): the same pipeline and conventions, naive work inside.
/// </summary>
public static class BenchmarkBaselines
{
    public static IEndpointRouteBuilder MapBenchmarkBaselines(this IEndpointRouteBuilder app)
    {
        var bench = app.MapApiGroup("/bench", "Benchmark").AllowAnonymous().RequireRateLimiting(Policies.PublicRateLimit).ExcludeFromDescription();
        bench.MapGet("/constant", () => TypedResults.Ok(new { due = "2026-11-27T09:00:00+07:00" }));
        bench.MapGet("/procedures-like", ProceduresLike);
        return app;
    }

    /// <summary>Catalogue search as a plain <c>LIKE '%…%'</c> over the folded name and keywords of announced versions.</summary>
    internal static async Task<IResult> ProceduresLike(string? q, MotCuaDbContext db, CancellationToken cancellationToken)
    {
        var pattern = "%" + VietnameseText.Fold(q ?? "") + "%";
        var items = await db.ProcedureVersions.AsNoTracking()
            .Where(v => v.State == VersionState.Announced && EF.Functions.Like(v.SearchText, pattern))
            .Join(db.Procedures, v => v.ProcedureId, p => p.Id, (v, p) => new { p.Code, v.Name, v.FieldCode, v.ProcessingValue, v.ProcessingUnit })
            .Take(20)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new { items, total = items.Count });
    }
}
