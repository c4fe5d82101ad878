using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MotCua.Core.Notifications;

public enum OutboxStatus
{
    Pending,
    Sent,
    /// <summary>Gave up after the last retry; shown in the dead-letter view to retry by hand.</summary>
    DeadLetter,
}

/// <summary>
/// A message to send (email, SMS, a status update to the national portal), written in the same
/// transaction as the change it reports, sent later by the dispatcher with retries.
/// </summary>
public sealed class OutboxMessage
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary><c>email</c>, <c>sms</c> or <c>npsp</c>.</summary>
    public string Channel { get; set; } = "";

    public string Recipient { get; set; } = "";

    public string? Subject { get; set; }

    public string Body { get; set; } = "";

    public Guid? DossierId { get; set; }

    public OutboxStatus Status { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    public DateTimeOffset? LeaseUntil { get; set; }

    public string? LastError { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("OutboxMessages");
        builder.Property(m => m.Channel).HasMaxLength(10).IsRequired();
        builder.Property(m => m.Recipient).HasMaxLength(300);
        builder.Property(m => m.Subject).HasMaxLength(300);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(15);
        builder.Property(m => m.LastError).HasMaxLength(2000);
        builder.HasIndex(m => new { m.Status, m.NextAttemptAt });
        builder.HasIndex(m => new { m.DossierId, m.Channel });
    }
}
