namespace MotCua.Core.Data;

/// <summary>
/// What a per-node cache that must never be staler than the last commit shares: a generation that moves with
/// every eviction (a value read from the database is kept only if it did not move meanwhile), and a suspended
/// state in which it keeps nothing, while the node may miss other nodes' changes (<see cref="CacheChangeListener"/>).
/// </summary>
public abstract class CommittedStateCache
{
    private long _generation;
    private volatile bool _suspended;

    /// <summary>Moves with every eviction: a value read from the database is kept only if it did not move meanwhile.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    /// <summary>Configured to keep anything at all (a size above zero).</summary>
    public abstract bool Configured { get; }

    /// <summary>Keeping values now: configured and not suspended.</summary>
    public bool Enabled => Configured && !_suspended;

    public void Clear()
    {
        Moved();
        ClearEntries();
    }

    /// <summary>While this node may miss other nodes' changes: forget everything and keep nothing new.</summary>
    public void Suspend()
    {
        _suspended = true;
        Clear();
    }

    /// <summary>Hearing other nodes' changes again; what was missed meanwhile is not in the cache.</summary>
    public void Resume()
    {
        Clear();
        _suspended = false;
    }

    /// <summary>Called before an eviction's entries are removed.</summary>
    protected void Moved() => Interlocked.Increment(ref _generation);

    protected abstract void ClearEntries();
}
