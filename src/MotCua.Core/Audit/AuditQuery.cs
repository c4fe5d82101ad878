using Microsoft.EntityFrameworkCore;
using MotCua.Core.Common;
using MotCua.Core.Data;

namespace MotCua.Core.Audit;

public sealed record AuditEntryView(
    long Sequence,
    DateTimeOffset At,
    string ActorName,
    string? IpAddress,
    string Action,
    string TargetType,
    string? TargetId,
    string Details,
    string Hash);

public sealed record AuditFilter(DateTimeOffset? From, DateTimeOffset? To, string? Action, string? Actor, string? TargetId);

/// <summary>Reads the audit trail, newest first, limited to the units an administrator oversees.</summary>
public sealed class AuditQuery(MotCuaDbContext db, AuditSealer sealer)
{
    /// <param name="visibleUnits">Units the reader oversees.</param>
    /// <param name="includeUnitless">Whether entries tied to no unit (sign-in attempts with unknown names, seeding) are shown: root administrators only.</param>
    public async Task<Page<AuditEntryView>> ListAsync(
        IReadOnlySet<Guid> visibleUnits, bool includeUnitless, AuditFilter filter, int page, int pageSize, CancellationToken cancellationToken)
    {
        await sealer.SealAsync(cancellationToken);
        var entries = db.AuditEntries.AsNoTracking()
            .Where(a => (a.UnitId != null && visibleUnits.Contains(a.UnitId.Value)) || (includeUnitless && a.UnitId == null));
        if (filter.From is { } from)
        {
            entries = entries.Where(a => a.At >= from);
        }
        if (filter.To is { } to)
        {
            entries = entries.Where(a => a.At <= to);
        }
        if (!string.IsNullOrWhiteSpace(filter.Action))
        {
            entries = entries.Where(a => a.Action.StartsWith(filter.Action));
        }
        if (!string.IsNullOrWhiteSpace(filter.Actor))
        {
            var actor = filter.Actor.Trim().ToLowerInvariant();
            entries = entries.Where(a => a.ActorName == actor);
        }
        if (!string.IsNullOrWhiteSpace(filter.TargetId))
        {
            entries = entries.Where(a => a.TargetId == filter.TargetId);
        }
        var total = await entries.CountAsync(cancellationToken);
        var items = await entries.OrderByDescending(a => a.Sequence)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(a => new AuditEntryView(a.Sequence, a.At, a.ActorName, a.IpAddress, a.Action, a.TargetType, a.TargetId, a.Details, a.Hash))
            .ToListAsync(cancellationToken);
        return new Page<AuditEntryView>(items, total, page, pageSize);
    }
}
