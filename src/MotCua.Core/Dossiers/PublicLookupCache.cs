using System.Collections.Concurrent;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using MotCua.Core.Data;

namespace MotCua.Core.Dossiers;

/// <summary>Configuration section <c>PublicLookup</c>.</summary>
public sealed class PublicLookupOptions
{
    public const string Section = "PublicLookup";

    /// <summary>How many dossiers' public views a node keeps in memory (about 1 KB each); 0 turns the cache off.</summary>
    public int CacheEntries { get; set; } = 50_000;
}

/// <summary>
/// The public views of recently looked-up dossiers, so that a citizen refreshing the tracking page (or a whole
/// village checking results on the day they are due) does not cost a database query each time. Never stale: a
/// change that alters what the public sees evicts the dossier on every node once it commits
/// (<see cref="PublicViewChanges"/> — locally after the commit, on the other nodes through PostgreSQL's
/// <c>NOTIFY</c>), a view read while an eviction happened is not kept (<see cref="CommittedStateCache.Generation"/>), and while a
/// node cannot hear other nodes' changes it keeps nothing (<see cref="CommittedStateCache.Suspend"/>).
/// Only existing dossiers are kept; a wrong code or phone digits always go to the database.
/// </summary>
public sealed class PublicLookupCache : CommittedStateCache, IDisposable
{
    private readonly MemoryCache? _views;
    private readonly ConcurrentDictionary<Guid, Entry> _byDossier = new();

    public PublicLookupCache(IOptions<PublicLookupOptions> options)
    {
        var entries = options.Value.CacheEntries;
        if (entries > 0)
        {
            _views = new MemoryCache(new MemoryCacheOptions { SizeLimit = entries, CompactionPercentage = 0.1 });
        }
    }

    public override bool Configured => _views is not null;

    public bool TryGet(string code, out Entry? entry)
    {
        entry = null;
        return Enabled && _views!.TryGetValue(code, out entry);
    }

    /// <summary>Keeps a view read from the database, unless something was evicted since <paramref name="generation"/>.</summary>
    public void Add(Entry entry, long generation)
    {
        if (!Enabled || Generation != generation)
        {
            return;
        }
        _byDossier[entry.DossierId] = entry;
        using (var cached = _views!.CreateEntry(entry.View.Code))
        {
            cached.Value = entry;
            cached.Size = 1;
            // Forget the dossier's mapping only if it still points at this very entry (it may already point at a
            // newer one, which an eviction must still find).
            cached.RegisterPostEvictionCallback(static (_, value, _, state) =>
            {
                if (value is Entry gone)
                {
                    ((PublicLookupCache)state!)._byDossier.TryRemove(KeyValuePair.Create(gone.DossierId, gone));
                }
            }, this);
        }
        // An eviction that began before the code was mapped could not find it: take the view back out.
        if (Generation != generation)
        {
            _views.Remove(entry.View.Code);
        }
    }

    public void Evict(IEnumerable<Guid> dossierIds)
    {
        Moved();
        foreach (var id in dossierIds)
        {
            if (_byDossier.TryRemove(id, out var entry))
            {
                _views?.Remove(entry.View.Code);
            }
        }
    }

    protected override void ClearEntries()
    {
        _views?.Clear();
        _byDossier.Clear();
    }

    public int Count => _views?.Count ?? 0;

    public void Dispose() => _views?.Dispose();

    /// <summary>A dossier's public view with what the lookup checks it against (compared by reference, not by value).</summary>
    public sealed class Entry(Guid dossierId, string? phoneLast4, PublicDossierView view)
    {
        public Guid DossierId { get; } = dossierId;

        public string? PhoneLast4 { get; } = phoneLast4;

        public PublicDossierView View { get; } = view;
    }
}
