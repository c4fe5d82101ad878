using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MotCua.Core.Common;
using MotCua.Core.Data;
using MotCua.Core.Dossiers;

namespace MotCua.Core.Notifications;

/// <summary>Configuration section <c>Outbox</c>.</summary>
public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    public int MaxAttempts { get; set; } = 8;

    /// <summary>The wait after the first failure; it doubles with each attempt (capped at 6 hours).</summary>
    public TimeSpan FirstRetry { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan Poll { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Once woken by a new message, the wait before sending, so that the messages queued meanwhile go out in
    /// the same batch: at the desk's peak one round of round trips serves dozens of receptions instead of one.
    /// </summary>
    public TimeSpan Gather { get; set; } = TimeSpan.FromMilliseconds(50);
}

/// <summary>
/// Sends due outbox messages. Each is claimed with a short lease by a conditional update, so that with
/// several nodes a message goes out once; a failure is retried with exponential back-off and, after the
/// last attempt, parked as dead letter. Receivers deduplicate on the message id (Idempotency-Key).
/// </summary>
public sealed class OutboxDispatcher(
    IServiceScopeFactory scopes,
    OutboxSignal signal,
    TimeProvider time,
    IOptions<OutboxOptions> options,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    private const int BatchSize = 100;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // A batch that was not full took every due message; the next ones wake the signal.
                while (await DispatchBatchAsync(stoppingToken) == BatchSize)
                {
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                logger.LogError(exception, "The outbox dispatcher failed");
            }
            try
            {
                if (await signal.WaitAsync(options.Value.Poll, stoppingToken) && options.Value.Gather > TimeSpan.Zero)
                {
                    await Task.Delay(options.Value.Gather, stoppingToken);
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>
    /// Sends up to one batch of due messages; returns how many were attempted. The batch is claimed with
    /// one conditional update (a lease stamped with this round's own instant) and sent; the failures are saved
    /// each with its attempt count and error, the messages sent with one update: a handful of round trips per
    /// batch rather than per message.
    /// </summary>
    public async Task<int> DispatchBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MotCuaDbContext>();
        var senders = scope.ServiceProvider.GetServices<IOutboxSender>().ToDictionary(s => s.Channel);
        var now = time.Now();
        var due = await InQueueOrder(db.Set<OutboxMessage>().AsNoTracking()
                .Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now && (m.LeaseUntil == null || m.LeaseUntil < now)))
            .Select(m => m.Id)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return 0;
        }
        // A lease instant no other round shares identifies the rows this round won.
        var leaseUntil = now + Lease + TimeSpan.FromMicroseconds(Random.Shared.Next(1, 1_000_000));
        await db.Set<OutboxMessage>()
            .Where(m => due.Contains(m.Id) && m.Status == OutboxStatus.Pending && (m.LeaseUntil == null || m.LeaseUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LeaseUntil, leaseUntil), cancellationToken);
        var claimed = await InQueueOrder(db.Set<OutboxMessage>().Where(m => due.Contains(m.Id) && m.LeaseUntil == leaseUntil))
            .ToListAsync(cancellationToken);
        var sent = new List<OutboxMessage>();
        foreach (var message in claimed)
        {
            try
            {
                if (!senders.TryGetValue(message.Channel, out var sender))
                {
                    throw new InvalidOperationException($"No sender for channel '{message.Channel}'.");
                }
                await sender.SendAsync(message, cancellationToken);
                sent.Add(message);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                message.Attempts++;
                message.LastError = Truncate(exception.Message, 2000);
                if (message.Attempts >= options.Value.MaxAttempts)
                {
                    message.Status = OutboxStatus.DeadLetter;
                    logger.LogWarning("Outbox message {Id} ({Channel}) dead-lettered after {Attempts} attempts: {Error}", message.Id, message.Channel, message.Attempts, message.LastError);
                }
                else
                {
                    var delay = TimeSpan.FromTicks(Math.Min(options.Value.FirstRetry.Ticks * (1L << Math.Min(message.Attempts - 1, 20)), TimeSpan.FromHours(6).Ticks));
                    message.NextAttemptAt = time.Now() + delay;
                }
                message.LeaseUntil = null;
            }
        }
        // The failures each with their own attempt count and error; the messages sent all at once, at the end of the round.
        await db.SaveChangesAsync(CancellationToken.None);
        if (sent.Count > 0)
        {
            var sentIds = sent.Select(m => m.Id).ToList();
            var sentAt = time.Now();
            await db.Set<OutboxMessage>()
                .Where(m => sentIds.Contains(m.Id) && m.LeaseUntil == leaseUntil)
                .ExecuteUpdateAsync(u => u
                    .SetProperty(m => m.Status, OutboxStatus.Sent)
                    .SetProperty(m => m.SentAt, sentAt)
                    .SetProperty(m => m.LastError, (string?)null)
                    .SetProperty(m => m.LeaseUntil, (DateTimeOffset?)null), CancellationToken.None);
        }
        var synced = sent.Where(m => m is { Channel: "npsp", DossierId: not null }).Select(m => m.DossierId!.Value).Distinct().ToList();
        if (synced.Count > 0)
        {
            await MarkSyncedAsync(db, synced);
        }
        return claimed.Count;
    }

    /// <summary>
    /// Marks the dossiers the portal now knows (the 766 synchronisation rate counts them). The flag does not
    /// bump the dossier's version, so officers acting on it meanwhile are not refused; a lost race is retried.
    /// </summary>
    private static async Task MarkSyncedAsync(MotCuaDbContext db, List<Guid> ids)
    {
        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            var dossiers = await db.Set<Dossier>().Where(d => ids.Contains(d.Id) && !d.NpspSynced).ToListAsync(CancellationToken.None);
            dossiers.ForEach(d => d.NpspSynced = true);
            try
            {
                await db.SaveChangesAsync(CancellationToken.None);
                return;
            }
            catch (DbUpdateConcurrencyException) when (attempt < 3)
            {
            }
        }
    }

    /// <summary>
    /// The order messages are chosen and sent in, the order they were queued: a dossier's statuses reach the
    /// national portal in sequence (version-7 ids order the messages of one instant).
    /// </summary>
    private static IQueryable<OutboxMessage> InQueueOrder(IQueryable<OutboxMessage> messages) =>
        messages.OrderBy(m => m.NextAttemptAt).ThenBy(m => m.CreatedAt).ThenBy(m => m.Id);

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..max];
}
