namespace MotCua.Core.Identity;

/// <summary>Configuration section <c>Identity</c>.</summary>
public sealed class CredentialOptions
{
    public const string Section = "Identity";

    /// <summary>Consecutive failures that lock an account.</summary>
    public int LockoutThreshold { get; set; } = 10;

    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromHours(8);

    public string TotpIssuer { get; set; } = "MotCua";

    /// <summary>How many signed-in officers' identities a node keeps in memory between requests; 0 reads the database every request.</summary>
    public int IdentityCacheEntries { get; set; } = 10_000;
}

/// <summary>Configuration section <c>Bootstrap</c>.</summary>
public sealed class BootstrapOptions
{
    public const string Section = "Bootstrap";

    public string? AdminPassword { get; set; }
}
