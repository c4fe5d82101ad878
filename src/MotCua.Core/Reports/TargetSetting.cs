using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Core.Organisation;

namespace MotCua.Core.Reports;

/// <summary>
/// A yearly target set by hand: the province's central target for an indicator (no unit), or a unit's own
/// target overriding the rule, with the reason for it.
/// </summary>
public sealed class TargetSetting
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public int Year { get; set; }

    /// <summary>The index item whose rate the target bounds (e.g. "6.2").</summary>
    public string ItemKey { get; set; } = "";

    /// <summary>Null: the province's central target.</summary>
    public Guid? UnitId { get; set; }

    /// <summary>The rate to reach, 0–1.</summary>
    public decimal Value { get; set; }

    public string? Reason { get; set; }

    public string SetBy { get; set; } = "";

    public DateTimeOffset SetAt { get; set; }
}

internal sealed class TargetSettingConfiguration : IEntityTypeConfiguration<TargetSetting>
{
    public void Configure(EntityTypeBuilder<TargetSetting> builder)
    {
        builder.ToTable("TargetSettings");
        builder.Property(t => t.ItemKey).HasMaxLength(10);
        builder.Property(t => t.Value).HasPrecision(5, 4);
        builder.Property(t => t.Reason).HasMaxLength(1000);
        builder.Property(t => t.SetBy).HasMaxLength(200);
        // One central target (no unit) per year and item: nulls are not distinct here (PostgreSQL; SQLite has one writer and the service checks first).
        builder.HasIndex(t => new { t.Year, t.ItemKey, t.UnitId }).IsUnique().AreNullsDistinct(false);
        builder.HasOne<Unit>().WithMany().HasForeignKey(t => t.UnitId).OnDelete(DeleteBehavior.Cascade);
    }
}
