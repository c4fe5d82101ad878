using System.Data.Common;
using Npgsql;

namespace MotCua.Core.Data;

/// <summary>
/// Npgsql settings MotCua runs best with, applied to the configured PostgreSQL connection string wherever the
/// operator has not set them:
/// <list type="bullet">
/// <item><c>Max Auto Prepare=256</c>: statements run a few times on a connection become server-side prepared
/// statements, so PostgreSQL parses and plans each of the app's queries once per connection instead of on every
/// execution (without it a public lookup spends more time in the planner than in the index).</item>
/// <item><c>No Reset On Close=true</c>: a pooled connection is handed back without resetting its session, which
/// would otherwise cost a batch of statements at the next use. The app keeps no session state across uses:
/// its settings are transaction-local (<c>set_config(…, true)</c>) and the one session-level advisory lock
/// (the figure reconciliation) is released before the connection goes back.</item>
/// </list>
/// </summary>
public static class PostgresConnectionDefaults
{
    public static string Apply(string connectionString)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        var keys = given.Keys.Cast<string>().Select(Normalise).ToHashSet(StringComparer.Ordinal);
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!keys.Contains("maxautoprepare"))
        {
            builder.MaxAutoPrepare = 256;
        }
        if (!keys.Contains("noresetonclose"))
        {
            builder.NoResetOnClose = true;
        }
        return builder.ConnectionString;
    }

    private static string Normalise(string key) => key.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();
}
