using MotCua.Core.Common;
using MotCua.Core.Data;

namespace MotCua.Core.Notifications;

/// <summary>Adds messages to the current unit of work; they are committed with it or not at all.</summary>
public sealed class Outbox(MotCuaDbContext db, TimeProvider time, OutboxSignal signal)
{
    public void Add(string channel, string recipient, string? subject, string body, Guid? dossierId)
    {
        var now = time.Now();
        db.Add(new OutboxMessage
        {
            Channel = channel,
            Recipient = recipient,
            Subject = subject,
            Body = body,
            DossierId = dossierId,
            Status = OutboxStatus.Pending,
            NextAttemptAt = now,
            CreatedAt = now,
        });
        signal.Notify();
    }
}

/// <summary>Wakes this node's dispatcher (shortly after the commit that added the message).</summary>
public sealed class OutboxSignal
{
    private readonly SemaphoreSlim _semaphore = new(0);

    public void Notify()
    {
        if (_semaphore.CurrentCount == 0)
        {
            _semaphore.Release();
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _semaphore.WaitAsync(timeout, cancellationToken);
}

/// <summary>Sends one kind of message; throws to have it retried.</summary>
public interface IOutboxSender
{
    string Channel { get; }

    Task SendAsync(OutboxMessage message, CancellationToken cancellationToken);
}
