namespace MotCua.Core.Common;

/// <summary>Instant helpers shared by every module.</summary>
public static class Instants
{
    /// <summary>Asia/Ho_Chi_Minh: the zone every local date and working hour is computed in.</summary>
    public static readonly TimeZoneInfo Vietnam = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    /// <summary>
    /// UTC, truncated to whole microseconds: PostgreSQL keeps microseconds, so an instant written and
    /// read back must compare (and hash) equal to the one computed in memory.
    /// </summary>
    public static DateTimeOffset Stored(DateTimeOffset value)
    {
        var ticks = value.UtcTicks;
        return new DateTimeOffset(ticks - (ticks % 10), TimeSpan.Zero);
    }

    public static DateTimeOffset Now(this TimeProvider time) => Stored(time.GetUtcNow());

    public static DateTimeOffset ToVietnam(this DateTimeOffset value) => TimeZoneInfo.ConvertTime(value, Vietnam);

    /// <summary>Today's date in Vietnam.</summary>
    public static DateOnly Today(this TimeProvider time) => DateOnly.FromDateTime(time.GetUtcNow().ToVietnam().DateTime);
}
