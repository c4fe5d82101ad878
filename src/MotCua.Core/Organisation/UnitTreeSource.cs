using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MotCua.Core.Calendar;
using MotCua.Core.Data;

namespace MotCua.Core.Organisation;

/// <summary>
/// The unit tree of this node, shared by all requests and reloaded when the <c>units</c> change stamp
/// moves (checked at most every <see cref="CalendarOptions.RefreshInterval"/>; at once on the node that
/// made the change).
/// </summary>
public sealed class UnitTreeCache
{
    private readonly StampedCache<UnitTree> _cache;

    public UnitTreeCache(IServiceScopeFactory scopes, TimeProvider time, IOptions<CalendarOptions> options) =>
        _cache = new StampedCache<UnitTree>(ChangeStamp.Units, scopes, time, () => options.Value.RefreshInterval, LoadAsync);

    public ValueTask<UnitTree> GetAsync(CancellationToken cancellationToken) => _cache.GetAsync(cancellationToken);

    public void Invalidate() => _cache.Invalidate();

    private static async Task<UnitTree> LoadAsync(MotCuaDbContext db, CancellationToken cancellationToken) =>
        new(await db.Units.AsNoTracking()
            .Select(u => new UnitNode(u.Id, u.ParentId, u.Path, u.Depth, u.Name, u.Kind, u.AgencyCode, u.IsActive))
            .ToListAsync(cancellationToken));
}

/// <summary>The unit tree as one request sees it (the node's snapshot, taken on first use).</summary>
public sealed class UnitTreeSource(UnitTreeCache cache)
{
    private UnitTree? _tree;

    public async Task<UnitTree> GetAsync(CancellationToken cancellationToken) => _tree ??= await cache.GetAsync(cancellationToken);

    /// <summary>Forget the snapshot after the tree changed (in this request and on this node).</summary>
    public void Invalidate()
    {
        _tree = null;
        cache.Invalidate();
    }
}
