using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MotCua.Core.Data;
using Npgsql;

namespace MotCua.Core.Dossiers;

/// <summary>
/// On PostgreSQL, listens for the public-view changes every node announces (<see cref="PublicViewChanges"/>) and
/// evicts them from this node's <see cref="PublicLookupCache"/>. Without the listening connection this node
/// could miss a change, so the cache is suspended from start until it listens and whenever the connection is
/// lost (lookups then read the database); it reconnects with a growing pause up to 30 s. SQLite has one node.
/// </summary>
public sealed class PublicViewListener(
    IServiceScopeFactory scopes,
    IOptions<DatabaseOptions> database,
    PublicLookupCache cache,
    ILogger<PublicViewListener> logger) : BackgroundService
{
    private static readonly TimeSpan LongestPause = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (database.Value.Provider != DatabaseProvider.Postgres || !cache.Enabled)
        {
            return;
        }
        cache.Suspend();
        string connectionString;
        await using (var scope = scopes.CreateAsyncScope())
        {
            connectionString = new NpgsqlConnectionStringBuilder(scope.ServiceProvider.GetRequiredService<MotCuaDbContext>().Database.GetConnectionString())
            {
                Pooling = false,
                KeepAlive = 30,
            }.ConnectionString;
        }
        var pause = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(connectionString, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                cache.Suspend();
                logger.LogWarning(exception, "Lost the connection that hears other nodes' dossier changes; public lookups read the database until it is back (next try in {Pause})", pause);
            }
            try
            {
                await Task.Delay(pause, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, LongestPause.Ticks));
        }
    }

    private async Task ListenAsync(string connectionString, CancellationToken stoppingToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        connection.Notification += (_, notification) => Receive(notification.Payload);
        await connection.OpenAsync(stoppingToken);
        await using (var listen = new NpgsqlCommand($"LISTEN {PublicViewChanges.Channel}", connection))
        {
            await listen.ExecuteNonQueryAsync(stoppingToken);
        }
        cache.Resume();
        while (true)
        {
            await connection.WaitAsync(stoppingToken);
        }
    }

    private void Receive(string payload)
    {
        try
        {
            PublicViewChanges.Parse(payload).ApplyTo(cache);
        }
        catch (FormatException)
        {
            logger.LogWarning("Unreadable public-view change {Payload}; the whole cache is dropped", payload);
            cache.Clear();
        }
    }
}
