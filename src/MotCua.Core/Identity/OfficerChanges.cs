using Microsoft.EntityFrameworkCore;
using MotCua.Core.Data;

namespace MotCua.Core.Identity;

/// <summary>
/// The officers whose identity a save changes (the officer row, or a role grant of theirs), so that every node's
/// <see cref="OfficerIdentityCache"/> forgets them; announced and applied as <see cref="Dossiers.PublicViewChanges"/> are.
/// </summary>
public sealed record OfficerChanges(IReadOnlyCollection<Guid> OfficerIds, bool Everyone)
{
    /// <summary>The PostgreSQL channel on which nodes tell each other (payload: <see cref="ChangedIds"/>).</summary>
    public const string Channel = "motcua_officers";

    public static readonly OfficerChanges None = new([], false);

    public bool IsEmpty => !Everyone && OfficerIds.Count == 0;

    /// <summary>Reads the change tracker before the save (afterwards every entry is unchanged).</summary>
    public static OfficerChanges Collect(DbContext db)
    {
        HashSet<Guid>? ids = null;
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached)
            {
                continue;
            }
            switch (entry.Entity)
            {
                case Officer officer:
                    (ids ??= []).Add(officer.Id);
                    break;
                case RoleGrant grant:
                    (ids ??= []).Add(grant.OfficerId);
                    if (entry.State == EntityState.Modified && entry.Property(nameof(RoleGrant.OfficerId)).OriginalValue is Guid before)
                    {
                        ids.Add(before);
                    }
                    break;
            }
        }
        return ids is null ? None : ids.Count > ChangedIds.MaxIds ? new OfficerChanges([], true) : new OfficerChanges(ids, false);
    }

    /// <summary>The notification's payload (<see cref="ChangedIds"/>).</summary>
    public string Payload => ChangedIds.Format(OfficerIds, Everyone);

    public static OfficerChanges Parse(string payload)
    {
        var (ids, everyone) = ChangedIds.Parse(payload);
        return new OfficerChanges(ids, everyone);
    }

    public void ApplyTo(OfficerIdentityCache cache)
    {
        if (Everyone)
        {
            cache.Clear();
        }
        else if (OfficerIds.Count > 0)
        {
            cache.Evict(OfficerIds);
        }
    }
}
