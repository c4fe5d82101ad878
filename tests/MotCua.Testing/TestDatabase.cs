using Npgsql;

namespace MotCua.Testing;

/// <summary>
/// A fresh database for one app instance: a SQLite file in a temporary folder, or a PostgreSQL database
/// created on the server named by <c>MOTCUA_TEST_POSTGRES</c> when <c>MOTCUA_TEST_DATABASE=postgres</c>.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? _adminConnectionString;
    private readonly string? _databaseName;

    private TestDatabase(string provider, string connectionString, string dataDirectory, string? adminConnectionString, string? databaseName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        DataDirectory = dataDirectory;
        _adminConnectionString = adminConnectionString;
        _databaseName = databaseName;
    }

    public static bool UsePostgres =>
        string.Equals(Environment.GetEnvironmentVariable("MOTCUA_TEST_DATABASE"), "postgres", StringComparison.OrdinalIgnoreCase);

    /// <summary><c>Sqlite</c> or <c>Postgres</c>, as the app's <c>Database:Provider</c>.</summary>
    public string Provider { get; }

    public string ConnectionString { get; }

    public string DataDirectory { get; }

    public static async Task<TestDatabase> CreateAsync()
    {
        var directory = Path.Combine(Path.GetTempPath(), "motcua-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        if (!UsePostgres)
        {
            return new TestDatabase("Sqlite", $"Data Source={Path.Combine(directory, "motcua.db")};Pooling=True", directory, null, null);
        }
        var admin = Environment.GetEnvironmentVariable("MOTCUA_TEST_POSTGRES")
            ?? throw new InvalidOperationException("MOTCUA_TEST_DATABASE=postgres needs MOTCUA_TEST_POSTGRES (an admin connection string).");
        var name = "motcua_t_" + Guid.NewGuid().ToString("N")[..16];
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }
        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name, MaxPoolSize = 40 };
        return new TestDatabase("Postgres", builder.ConnectionString, directory, admin, name);
    }

    public async ValueTask DisposeAsync()
    {
        if (_adminConnectionString is not null && _databaseName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(_adminConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_databaseName}\" WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a finishing request; the OS temp cleaner takes it later.
        }
    }
}
