namespace MotCua.Core.Common;

/// <summary>Who is issuing the current command, and from where; recorded in the audit trail.</summary>
public interface IActor
{
    Guid? OfficerId { get; }

    string Name { get; }

    /// <summary>The name people read (an officer's full name), in history lines and printed forms.</summary>
    string DisplayName => Name;

    string? IpAddress { get; }
}

/// <summary>The actor of background work and start-up tasks.</summary>
public sealed class SystemActor : IActor
{
    public static readonly SystemActor Instance = new();

    public Guid? OfficerId => null;

    public string Name => "system";

    public string? IpAddress => null;
}
