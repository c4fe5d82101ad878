using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MotCua.Core.Jobs;

public enum JobStatus
{
    Queued,
    Running,
    Succeeded,
    Failed,
}

/// <summary>
/// Long work (imports, reconciliations) run by whichever node claims it, with its progress in the
/// database so that any node can show it.
/// </summary>
public sealed class BackgroundJob
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public string Kind { get; set; } = "";

    public JobStatus Status { get; set; }

    public int Total { get; set; }

    public int Processed { get; set; }

    /// <summary>What the job is doing now, in Vietnamese ("Đang kiểm tra dòng 1.200/6.000").</summary>
    public string? Stage { get; set; }

    public string ParametersJson { get; set; } = "{}";

    public string? InputFileKey { get; set; }

    public string? InputFileName { get; set; }

    public string? ResultJson { get; set; }

    public string? Error { get; set; }

    public Guid? CreatedById { get; set; }

    public string CreatedBy { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    public string? LeaseOwner { get; set; }

    public DateTimeOffset? LeaseUntil { get; set; }
}

internal sealed class BackgroundJobConfiguration : IEntityTypeConfiguration<BackgroundJob>
{
    public void Configure(EntityTypeBuilder<BackgroundJob> builder)
    {
        builder.ToTable("BackgroundJobs");
        builder.Property(j => j.Kind).HasMaxLength(50).IsRequired();
        builder.Property(j => j.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(j => j.Stage).HasMaxLength(500);
        builder.Property(j => j.ParametersJson).HasMaxLength(4000);
        builder.Property(j => j.InputFileKey).HasMaxLength(200);
        builder.Property(j => j.InputFileName).HasMaxLength(300);
        builder.Property(j => j.Error).HasMaxLength(4000);
        builder.Property(j => j.CreatedBy).HasMaxLength(100);
        builder.Property(j => j.LeaseOwner).HasMaxLength(100);
        builder.HasIndex(j => new { j.Status, j.CreatedAt });
    }
}
