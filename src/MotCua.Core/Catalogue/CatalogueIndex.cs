using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MotCua.Core.Calendar;
using MotCua.Core.Common;
using MotCua.Core.Data;
using MotCua.Domain.Catalogue;
using MotCua.Domain.Text;

namespace MotCua.Core.Catalogue;

/// <summary>One procedure as the public sees it today: its version in force.</summary>
public sealed record CatalogueEntry(
    Guid ProcedureId,
    Guid VersionId,
    ProcedureSummary Summary,
    IReadOnlyList<string> Keywords,
    IReadOnlySet<string> Levels,
    int FieldOrder,
    string FoldedAgency);

/// <summary>The public catalogue of one day, with its search index.</summary>
public sealed class CatalogueSnapshot(DateOnly date, IReadOnlyList<CatalogueEntry> entries, IReadOnlyList<FieldSummary> fields)
{
    public DateOnly Date { get; } = date;

    public IReadOnlyList<CatalogueEntry> Entries { get; } = entries;

    public IReadOnlyList<FieldSummary> Fields { get; } = fields;

    public ProcedureSearchIndex Search { get; } = new(entries.Select(e => new SearchDocument(
        e.Summary.Code, e.Summary.Name, e.Keywords, e.Summary.FieldName, e.Summary.Agency, e.Summary.Abolished)).ToList());

    public IReadOnlyDictionary<string, int> ByCode { get; } = entries.Select((e, i) => (e.Summary.Code, i)).ToDictionary(x => x.Code, x => x.i, StringComparer.OrdinalIgnoreCase);

    private readonly ConcurrentDictionary<Guid, ProcedureVersion> _versions = new();

    /// <summary>
    /// A version in force with its components and process, read from the database once per snapshot: announced
    /// content is never edited (only its publication date on the national database is recorded later, which is
    /// not bumped into a new snapshot: read that from the database), and an announcement builds a new snapshot.
    /// Callers must not modify it.
    /// </summary>
    public async ValueTask<ProcedureVersion> VersionAsync(MotCuaDbContext db, Guid versionId, CancellationToken cancellationToken)
    {
        if (_versions.TryGetValue(versionId, out var known))
        {
            return known;
        }
        var version = await db.ProcedureVersions.AsNoTracking().FirstAsync(v => v.Id == versionId, cancellationToken);
        return _versions.GetOrAdd(versionId, version);
    }
}

/// <summary>
/// The catalogue in force today, per node: for each procedure the latest announced version whose
/// effective date has come. Reloaded when the <c>catalogue</c> stamp moves or the date changes.
/// </summary>
public sealed class CatalogueIndex
{
    private readonly StampedCache<CatalogueSnapshot> _cache;
    private readonly TimeProvider _time;

    public CatalogueIndex(IServiceScopeFactory scopes, TimeProvider time, IOptions<CalendarOptions> options)
    {
        _time = time;
        _cache = new StampedCache<CatalogueSnapshot>(ChangeStamp.Catalogue, scopes, time, () => options.Value.RefreshInterval, LoadAsync, snapshot => snapshot.Date != Today);
    }

    private DateOnly Today => _time.Today();

    public ValueTask<CatalogueSnapshot> GetAsync(CancellationToken cancellationToken) => _cache.GetAsync(cancellationToken);

    public void Invalidate() => _cache.Invalidate();

    public static Task BumpAsync(MotCuaDbContext db, CancellationToken cancellationToken) =>
        ChangeStamp.BumpAsync(db, ChangeStamp.Catalogue, cancellationToken);

    /// <summary>The id of the version in force on <paramref name="date"/> for each procedure that has one.</summary>
    public static async Task<Dictionary<Guid, Guid>> CurrentVersionIdsAsync(MotCuaDbContext db, DateOnly date, CancellationToken cancellationToken)
    {
        var announced = await db.ProcedureVersions.AsNoTracking()
            .Where(v => v.State == VersionState.Announced && v.EffectiveDate <= date)
            .Select(v => new { v.ProcedureId, v.Id, v.Number })
            .ToListAsync(cancellationToken);
        return announced.GroupBy(v => v.ProcedureId).ToDictionary(g => g.Key, g => g.MaxBy(v => v.Number)!.Id);
    }

    private async Task<CatalogueSnapshot> LoadAsync(MotCuaDbContext db, CancellationToken cancellationToken)
    {
        var today = Today;
        var current = (await CurrentVersionIdsAsync(db, today, cancellationToken)).Values.ToHashSet();
        var fields = await db.Fields.AsNoTracking().OrderBy(f => f.SortOrder).ToListAsync(cancellationToken);
        var fieldNames = fields.ToDictionary(f => f.Code, f => f.Name);
        var fieldOrder = fields.Select((f, i) => (f.Code, i)).ToDictionary(x => x.Code, x => x.i);
        var rows = await db.ProcedureVersions.AsNoTracking()
            .Where(v => v.State == VersionState.Announced && v.EffectiveDate <= today)
            .Join(db.Procedures, v => v.ProcedureId, p => p.Id, (v, p) => new
            {
                p.Code,
                v.ProcedureId,
                v.Id,
                v.Kind,
                v.Name,
                v.FieldCode,
                v.Levels,
                v.Agency,
                v.OnlineLevel,
                v.ProcessingValue,
                v.ProcessingUnit,
                v.ProcessingNote,
                v.Keywords,
            })
            .ToListAsync(cancellationToken);
        var vietnamese = StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"), ignoreCase: true);
        var entries = rows.Where(r => current.Contains(r.Id))
            .Select(r => new CatalogueEntry(
                r.ProcedureId,
                r.Id,
                new ProcedureSummary(
                    r.Code,
                    r.Name,
                    r.FieldCode,
                    fieldNames.GetValueOrDefault(r.FieldCode, r.FieldCode),
                    r.Levels.Split(',', StringSplitOptions.RemoveEmptyEntries),
                    ProcedureContent.OnlineKey(r.OnlineLevel),
                    ProcedureContent.TimeOf(r.ProcessingValue, r.ProcessingUnit, r.ProcessingNote),
                    r.Agency,
                    r.Kind == VersionKind.Abolition,
                    null,
                    null),
                r.Keywords.Split('\n', StringSplitOptions.RemoveEmptyEntries),
                r.Levels.Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet(),
                fieldOrder.GetValueOrDefault(r.FieldCode, int.MaxValue),
                VietnameseText.Fold(r.Agency)))
            .OrderBy(e => e.FieldOrder).ThenBy(e => e.Summary.Name, vietnamese).ThenBy(e => e.Summary.Code, StringComparer.Ordinal)
            .ToList();
        var counts = entries.GroupBy(e => e.Summary.Field).ToDictionary(g => g.Key, g => g.Count(e => !e.Summary.Abolished));
        var fieldSummaries = fields.Select(f => new FieldSummary(f.Code, f.Name, counts.GetValueOrDefault(f.Code))).ToList();
        return new CatalogueSnapshot(today, entries, fieldSummaries);
    }
}
