using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using MotCua.Core.Data;
using MotCua.Core.Organisation;

namespace MotCua.Core.Dossiers;

/// <summary>
/// Which saved changes alter what <see cref="DossierPublicLookup"/> shows, so that every node's
/// <see cref="PublicLookupCache"/> forgets those dossiers: a dossier already coded whose public fields changed,
/// a step of it begun, finished or renamed, or a renamed unit (which may be any dossier's current agency).
/// </summary>
public sealed record PublicViewChanges(IReadOnlyCollection<Guid> DossierIds, bool Everything)
{
    /// <summary>The PostgreSQL channel on which nodes tell each other (payload: <see cref="ChangedIds"/>).</summary>
    public const string Channel = "motcua_public_views";

    public static readonly PublicViewChanges None = new([], false);

    /// <summary>Properties that never show publicly and change on their own (the outbox marks a dossier synchronised).</summary>
    private static readonly HashSet<string> Private = [nameof(Dossier.NpspSynced), nameof(Dossier.UpdatedAt), nameof(Dossier.Version)];

    public bool IsEmpty => !Everything && DossierIds.Count == 0;

    /// <summary>Reads the change tracker before the save (afterwards every entry is unchanged).</summary>
    public static PublicViewChanges Collect(DbContext db)
    {
        HashSet<Guid>? ids = null;
        HashSet<Guid>? stepsOf = null;
        var everything = false;
        foreach (var entry in db.ChangeTracker.Entries())
        {
            switch (entry.Entity)
            {
                case Dossier dossier when Affects(entry):
                    (ids ??= []).Add(dossier.Id);
                    break;
                case DossierStep step when entry.State is EntityState.Added or EntityState.Deleted or EntityState.Modified:
                    (stepsOf ??= []).Add(step.DossierId);
                    break;
                case Unit when entry.State == EntityState.Deleted || (entry.State == EntityState.Modified && entry.Property(nameof(Unit.Name)).IsModified):
                    everything = true;
                    break;
            }
        }
        if (stepsOf is not null)
        {
            // The first step of a dossier received in this same save is nobody's cached view.
            var added = db.ChangeTracker.Entries<Dossier>().Where(e => e.State == EntityState.Added).Select(e => e.Entity.Id).ToHashSet();
            stepsOf.ExceptWith(added);
            if (stepsOf.Count > 0)
            {
                (ids ??= []).UnionWith(stepsOf);
            }
        }
        if (everything || ids?.Count > ChangedIds.MaxIds)
        {
            return new PublicViewChanges([], true);
        }
        return ids is null ? None : new PublicViewChanges(ids, false);
    }

    /// <summary>The notification's payload (<see cref="ChangedIds"/>).</summary>
    public string Payload => ChangedIds.Format(DossierIds, Everything);

    public static PublicViewChanges Parse(string payload)
    {
        var (ids, everything) = ChangedIds.Parse(payload);
        return new PublicViewChanges(ids, everything);
    }

    public void ApplyTo(PublicLookupCache cache)
    {
        if (Everything)
        {
            cache.Clear();
        }
        else if (DossierIds.Count > 0)
        {
            cache.Evict(DossierIds);
        }
    }

    /// <summary>
    /// A dossier nobody could have looked up yet (new, or still without a code) needs no eviction; otherwise any
    /// change but the private bookkeeping does.
    /// </summary>
    private static bool Affects(EntityEntry entry) => entry.State switch
    {
        EntityState.Deleted => true,
        EntityState.Modified => entry.Property(nameof(Dossier.Code)).OriginalValue is not null
            && entry.Properties.Any(p => p.IsModified && !Private.Contains(p.Metadata.Name)),
        _ => false,
    };
}
