using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MotCua.Core.Data;

/// <summary>
/// A per-node cache of data derived from the database (compiled calendars, the search index), reloaded
/// when its change stamp moves. The stamp is checked at most every <c>interval</c>; a change on this node
/// calls <see cref="Invalidate"/> for an immediate reload. Writers move the stamp inside their own
/// transaction with <see cref="ChangeStamp.BumpAsync"/>, so other nodes reload after the change commits.
/// </summary>
public sealed class StampedCache<T>(
    string key,
    IServiceScopeFactory scopes,
    TimeProvider time,
    Func<TimeSpan> interval,
    Func<MotCuaDbContext, CancellationToken, Task<T>> load,
    Func<T, bool>? stale = null)
    where T : class
{
    private Entry? _entry;
    private int _checking;

    public async ValueTask<T> GetAsync(CancellationToken cancellationToken)
    {
        var entry = _entry;
        if (entry is null || (stale?.Invoke(entry.Value) ?? false))
        {
            entry = await LoadAsync(cancellationToken);
            _entry = entry;
            return entry.Value;
        }
        // One caller checks the stamp; the others keep serving the current value meanwhile.
        if (time.GetUtcNow() - entry.CheckedAt > interval() && Interlocked.Exchange(ref _checking, 1) == 0)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<MotCuaDbContext>();
                if (await VersionAsync(db, cancellationToken) != entry.Version)
                {
                    entry = await LoadAsync(cancellationToken);
                }
                else
                {
                    entry = entry with { CheckedAt = time.GetUtcNow() };
                }
                _entry = entry;
            }
            finally
            {
                Volatile.Write(ref _checking, 0);
            }
        }
        return entry.Value;
    }

    public void Invalidate() => _entry = null;

    private async Task<Entry> LoadAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MotCuaDbContext>();
        var version = await VersionAsync(db, cancellationToken);
        return new Entry(version, time.GetUtcNow(), await load(db, cancellationToken));
    }

    private Task<long> VersionAsync(MotCuaDbContext db, CancellationToken cancellationToken) =>
        db.Set<ChangeStamp>().Where(s => s.Key == key).Select(s => s.Version).FirstOrDefaultAsync(cancellationToken);

    private sealed record Entry(long Version, DateTimeOffset CheckedAt, T Value);
}

/// <summary>A counter per kind of shared data, bumped on every change, so each node's cache knows when to reload.</summary>
public sealed class ChangeStamp
{
    public const string Calendar = "calendar";
    public const string Catalogue = "catalogue";
    public const string Units = "units";

    public string Key { get; set; } = "";

    public long Version { get; set; }

    /// <summary>Moves the stamp inside the caller's transaction.</summary>
    public static async Task BumpAsync(MotCuaDbContext db, string key, CancellationToken cancellationToken)
    {
        var updated = await db.Set<ChangeStamp>().Where(s => s.Key == key)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Version, x => x.Version + 1), cancellationToken);
        if (updated == 0)
        {
            db.Set<ChangeStamp>().Add(new ChangeStamp { Key = key, Version = 1 });
        }
    }
}

internal sealed class ChangeStampConfiguration : IEntityTypeConfiguration<ChangeStamp>
{
    public void Configure(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<ChangeStamp> builder)
    {
        builder.ToTable("ChangeStamps");
        builder.HasKey(s => s.Key);
        builder.Property(s => s.Key).HasMaxLength(50);
        builder.HasData(
            new ChangeStamp { Key = ChangeStamp.Calendar, Version = 0 },
            new ChangeStamp { Key = ChangeStamp.Catalogue, Version = 0 },
            new ChangeStamp { Key = ChangeStamp.Units, Version = 0 });
    }
}
