using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MotCua.Core.Dossiers;
using MotCua.Core.Identity;
using Npgsql;

namespace MotCua.Core.Data;

/// <summary>
/// On PostgreSQL, listens for the changes every node announces (<see cref="PublicViewChanges"/>,
/// <see cref="OfficerChanges"/>) and evicts them from this node's <see cref="PublicLookupCache"/> and
/// <see cref="OfficerIdentityCache"/>. Without the listening connection this node could miss a change, so both
/// caches are suspended from start until it listens and whenever the connection is lost (requests then read the
/// database); it reconnects with a growing pause up to 30 s. SQLite has one node.
/// </summary>
public sealed class CacheChangeListener(
    IServiceScopeFactory scopes,
    IOptions<DatabaseOptions> database,
    PublicLookupCache views,
    OfficerIdentityCache identities,
    ILogger<CacheChangeListener> logger) : BackgroundService
{
    private static readonly TimeSpan LongestPause = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (database.Value.Provider != DatabaseProvider.Postgres || (!views.Configured && !identities.Configured))
        {
            return;
        }
        Suspend();
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
                Suspend();
                logger.LogWarning(exception, "Lost the connection that hears other nodes' changes; public lookups and officers' identities are read from the database until it is back (next try in {Pause})", pause);
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

    private void Suspend()
    {
        views.Suspend();
        identities.Suspend();
    }

    private async Task ListenAsync(string connectionString, CancellationToken stoppingToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        connection.Notification += (_, notification) => Receive(notification.Channel, notification.Payload);
        await connection.OpenAsync(stoppingToken);
        await using (var listen = new NpgsqlCommand($"LISTEN {PublicViewChanges.Channel}; LISTEN {OfficerChanges.Channel}", connection))
        {
            await listen.ExecuteNonQueryAsync(stoppingToken);
        }
        views.Resume();
        identities.Resume();
        while (true)
        {
            await connection.WaitAsync(stoppingToken);
        }
    }

    private void Receive(string channel, string payload)
    {
        var officers = channel == OfficerChanges.Channel;
        try
        {
            if (officers)
            {
                OfficerChanges.Parse(payload).ApplyTo(identities);
            }
            else
            {
                PublicViewChanges.Parse(payload).ApplyTo(views);
            }
        }
        catch (FormatException)
        {
            logger.LogWarning("Unreadable change {Payload} on {Channel}; that cache is dropped whole", payload, channel);
            (officers ? (CommittedStateCache)identities : views).Clear();
        }
    }
}
