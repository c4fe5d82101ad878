namespace MotCua.Core.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Configuration section <c>Database</c>.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Apply pending migrations at start. Default: on for SQLite and in Development, off otherwise.</summary>
    public bool? MigrateOnStart { get; set; }

    /// <summary>Seed the demo organisation, catalogue and officers on first start. Default: on for SQLite only.</summary>
    public bool? SeedDemo { get; set; }

    /// <summary>Also create the demo officers (passwords printed once). Default: with the demo data.</summary>
    public bool? SeedDemoOfficers { get; set; }

    public bool ShouldSeedDemo => SeedDemo ?? Provider == DatabaseProvider.Sqlite;

    public bool ShouldSeedDemoOfficers => ShouldSeedDemo && (SeedDemoOfficers ?? true);
}

/// <summary>Configuration section <c>Data</c>: where the embedded SQLite file and the local file store live.</summary>
public sealed class DataOptions
{
    public const string Section = "Data";

    public string Directory { get; set; } = "data";

    public string FullPath => System.IO.Path.GetFullPath(Directory);
}
