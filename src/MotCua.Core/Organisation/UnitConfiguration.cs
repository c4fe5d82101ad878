using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MotCua.Core.Organisation;

internal sealed class UnitConfiguration : IEntityTypeConfiguration<Unit>
{
    public void Configure(EntityTypeBuilder<Unit> builder)
    {
        builder.ToTable("Units");
        builder.Property(u => u.Name).HasMaxLength(300).IsRequired();
        builder.Property(u => u.Path).HasMaxLength(2000).IsRequired();
        builder.Property(u => u.AgencyCode).HasMaxLength(20).IsRequired();
        builder.Property(u => u.ExternalKey).HasMaxLength(100);
        builder.Property(u => u.Kind).HasConversion<string>().HasMaxLength(30);
        builder.HasIndex(u => u.AgencyCode).IsUnique();
        builder.HasIndex(u => u.ExternalKey).IsUnique();
        builder.HasIndex(u => u.Path);
        builder.HasOne<Unit>().WithMany().HasForeignKey(u => u.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}
