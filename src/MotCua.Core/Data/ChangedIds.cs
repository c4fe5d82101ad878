namespace MotCua.Core.Data;

/// <summary>
/// The payload of a cache-change notification (<see cref="CacheChangeListener"/>): the changed ids separated by
/// commas, or <c>*</c> for "everything" — which a save changing more than <see cref="MaxIds"/> ids sends, since a
/// PostgreSQL notification carries at most 8,000 bytes.
/// </summary>
public static class ChangedIds
{
    public const int MaxIds = 150;

    public static string Format(IReadOnlyCollection<Guid> ids, bool everything) => everything ? "*" : string.Join(',', ids);

    /// <summary>Throws <see cref="FormatException"/> for a payload that is neither.</summary>
    public static (IReadOnlyCollection<Guid> Ids, bool Everything) Parse(string payload) =>
        payload == "*" ? ([], true) : (payload.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse).ToList(), false);
}
