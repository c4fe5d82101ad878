namespace MotCua.Core.Audit;

/// <summary>
/// One command (or read of personal data) in the append-only audit trail. Each entry's hash covers
/// its fields and the previous entry's hash, so an edited, inserted or deleted row breaks the chain.
/// </summary>
public sealed class AuditEntry
{
    /// <summary>Position in the chain: 1, 2, 3… without gaps.</summary>
    public long Sequence { get; set; }

    public DateTimeOffset At { get; set; }

    public Guid? ActorId { get; set; }

    public string ActorName { get; set; } = "";

    public string? IpAddress { get; set; }

    /// <summary>What was done, e.g. <c>unit.create</c>, <c>officer.grant</c>, <c>auth.sign_in_failed</c>.</summary>
    public string Action { get; set; } = "";

    public string TargetType { get; set; } = "";

    public string? TargetId { get; set; }

    /// <summary>The unit the target belongs to; an administrator sees the entries of their subtrees.</summary>
    public Guid? UnitId { get; set; }

    /// <summary>Human-readable summary with personal identifiers masked.</summary>
    public string Details { get; set; } = "";

    public string PreviousHash { get; set; } = "";

    public string Hash { get; set; } = "";
}
