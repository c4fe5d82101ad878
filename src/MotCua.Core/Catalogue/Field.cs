using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MotCua.Core.Catalogue;

/// <summary>Lĩnh vực: the subject area a procedure belongs to (Hộ tịch, Đất đai…).</summary>
public sealed class Field
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>Stable code, e.g. <c>HOTICH</c>.</summary>
    public string Code { get; set; } = "";

    public string Name { get; set; } = "";

    public int SortOrder { get; set; }
}

internal sealed class FieldConfiguration : IEntityTypeConfiguration<Field>
{
    public void Configure(EntityTypeBuilder<Field> builder)
    {
        builder.ToTable("Fields");
        builder.Property(f => f.Code).HasMaxLength(40).IsRequired();
        builder.Property(f => f.Name).HasMaxLength(200).IsRequired();
        builder.HasIndex(f => f.Code).IsUnique();
    }
}
