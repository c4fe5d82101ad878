namespace MotCua.Core.Identity;

/// <summary>A public servant who signs in to the back office.</summary>
public sealed class Officer
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>Sign-in name, stored lower case.</summary>
    public string UserName { get; set; } = "";

    public string FullName { get; set; } = "";

    public string? Email { get; set; }

    public string? Phone { get; set; }

    /// <summary>The unit the officer works in; roles are granted separately, each on a subtree.</summary>
    public Guid UnitId { get; set; }

    public string PasswordHash { get; set; } = "";

    /// <summary>Changes whenever credentials change; sessions and tokens carrying an older stamp stop working.</summary>
    public string SecurityStamp { get; set; } = NewStamp();

    public bool MustChangePassword { get; set; }

    public int AccessFailedCount { get; set; }

    public DateTimeOffset? LockoutEnd { get; set; }

    /// <summary>TOTP secret protected with ASP.NET Core data protection; null until enrolment starts.</summary>
    public string? TotpSecretProtected { get; set; }

    public bool TotpEnabled { get; set; }

    /// <summary>Last accepted TOTP time step, so a code cannot be replayed.</summary>
    public long TotpLastStep { get; set; }

    public bool IsActive { get; set; } = true;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? LastSignInAt { get; set; }

    public List<RoleGrant> Grants { get; set; } = [];

    public static string NewStamp() => Guid.NewGuid().ToString("N");
}
