using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using MotCua.Core.Data;

namespace MotCua.Core.Identity;

/// <summary>
/// The identities of signed-in officers, which every request re-checks (active, security stamp, roles), so that
/// a busy desk does not read them from the database on each request. Never stale past a commit, as the public
/// lookup's cache: a save that changes an officer or a role grant evicts that officer on every node once it
/// commits (<see cref="OfficerChanges"/> — locally after the commit, on other nodes through PostgreSQL's
/// <c>NOTIFY</c>, within the notification's delivery time), an identity read while an eviction happened is not
/// kept (<see cref="CommittedStateCache.Generation"/>), and while a node cannot hear other nodes' changes it keeps nothing
/// (<see cref="CommittedStateCache.Suspend"/>). Deactivated or unknown officers are never kept.
/// </summary>
public sealed class OfficerIdentityCache(IOptions<CredentialOptions> options) : CommittedStateCache
{
    private readonly int _capacity = options.Value.IdentityCacheEntries;
    private readonly ConcurrentDictionary<Guid, OfficerIdentity> _identities = new();
    public override bool Configured => _capacity > 0;

    public int Count => _identities.Count;

    public bool TryGet(Guid officerId, out OfficerIdentity? identity)
    {
        identity = null;
        return Enabled && _identities.TryGetValue(officerId, out identity);
    }

    /// <summary>Keeps an identity read from the database, unless something was evicted since <paramref name="generation"/> (or the cache is full).</summary>
    public void Add(OfficerIdentity identity, long generation)
    {
        if (!Enabled || Generation != generation || _identities.Count >= _capacity)
        {
            return;
        }
        _identities[identity.Id] = identity;
        // An eviction that began meanwhile may have missed it: take it back out.
        if (Generation != generation)
        {
            _identities.TryRemove(KeyValuePair.Create(identity.Id, identity));
        }
    }

    public void Evict(IEnumerable<Guid> officerIds)
    {
        Moved();
        foreach (var id in officerIds)
        {
            _identities.TryRemove(id, out _);
        }
    }

    protected override void ClearEntries() => _identities.Clear();
}
