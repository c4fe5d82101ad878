using Microsoft.EntityFrameworkCore;
using MotCua.Core.Audit;
using MotCua.Core.Common;
using MotCua.Core.Data;
using MotCua.Domain.Text;

namespace MotCua.Core.Notifications;

public sealed record OutboxMessageView(
    Guid Id,
    string Channel,
    string Recipient,
    string? Subject,
    string Status,
    int Attempts,
    string? LastError,
    DateTimeOffset CreatedAt,
    DateTimeOffset NextAttemptAt,
    DateTimeOffset? SentAt,
    string? DossierCode);

public sealed record OutboxCounts(int Pending, int Sent, int DeadLetter);

/// <summary>The outbox as administrators see it: what waits, what failed for good, and a retry.</summary>
public sealed class OutboxAdmin(MotCuaDbContext db, AuditTrail audit, OutboxSignal signal, TimeProvider time)
{
    public async Task<(Page<OutboxMessageView> Page, OutboxCounts Counts)> ListAsync(string? status, string? channel, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var (number, size) = Paging.Clamp(page, pageSize, 25);
        var messages = db.Set<OutboxMessage>().AsNoTracking();
        var grouped = await messages.GroupBy(m => m.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var counts = new OutboxCounts(
            grouped.FirstOrDefault(g => g.Key == OutboxStatus.Pending)?.Count ?? 0,
            grouped.FirstOrDefault(g => g.Key == OutboxStatus.Sent)?.Count ?? 0,
            grouped.FirstOrDefault(g => g.Key == OutboxStatus.DeadLetter)?.Count ?? 0);
        var filtered = status switch
        {
            "pending" => messages.Where(m => m.Status == OutboxStatus.Pending),
            "sent" => messages.Where(m => m.Status == OutboxStatus.Sent),
            _ => messages.Where(m => m.Status == OutboxStatus.DeadLetter),
        };
        if (!string.IsNullOrWhiteSpace(channel))
        {
            filtered = filtered.Where(m => m.Channel == channel);
        }
        var total = await filtered.CountAsync(cancellationToken);
        var rows = await filtered.OrderByDescending(m => m.CreatedAt).Skip((number - 1) * size).Take(size)
            .Select(m => new
            {
                m.Id,
                m.Channel,
                m.Recipient,
                m.Subject,
                m.Status,
                m.Attempts,
                m.LastError,
                m.CreatedAt,
                m.NextAttemptAt,
                m.SentAt,
                Code = db.Set<Dossiers.Dossier>().Where(d => d.Id == m.DossierId).Select(d => d.Code).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var items = rows.Select(m => new OutboxMessageView(m.Id, m.Channel, PersonalDataMask.Mask(m.Recipient), m.Subject, Key(m.Status), m.Attempts,
            m.LastError, m.CreatedAt, m.NextAttemptAt, m.SentAt, m.Code)).ToList();
        return (new Page<OutboxMessageView>(items, total, number, size), counts);
    }

    /// <summary>Puts a dead letter back in the queue for an immediate new round of attempts.</summary>
    public async Task RetryAsync(Guid id, CancellationToken cancellationToken)
    {
        var message = await db.Set<OutboxMessage>().FirstOrDefaultAsync(m => m.Id == id, cancellationToken)
            ?? throw ProblemException.NotFound("thông điệp");
        if (message.Status != OutboxStatus.DeadLetter)
        {
            throw ProblemException.Conflict("not_dead_letter", "Thông điệp không ở trạng thái gửi lỗi", "Chỉ gửi lại được thông điệp đã thất bại sau mọi lần thử.");
        }
        message.Status = OutboxStatus.Pending;
        message.Attempts = 0;
        message.NextAttemptAt = time.Now();
        message.LeaseUntil = null;
        audit.Record("outbox.retry", "outbox", id.ToString(), null, $"Gửi lại thông điệp {message.Channel} đã thất bại ({message.LastError}).");
        await audit.SaveAsync(cancellationToken);
        signal.Notify();
    }

    public static string Key(OutboxStatus status) => status switch
    {
        OutboxStatus.Pending => "pending",
        OutboxStatus.Sent => "sent",
        _ => "dead_letter",
    };
}
