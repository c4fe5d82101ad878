using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Core.Organisation;

namespace MotCua.Core.Identity;

internal sealed class OfficerConfiguration : IEntityTypeConfiguration<Officer>
{
    public void Configure(EntityTypeBuilder<Officer> builder)
    {
        builder.ToTable("Officers");
        builder.Property(o => o.UserName).HasMaxLength(64).IsRequired();
        builder.HasIndex(o => o.UserName).IsUnique();
        builder.Property(o => o.FullName).HasMaxLength(200).IsRequired();
        builder.Property(o => o.Email).HasMaxLength(200);
        builder.Property(o => o.Phone).HasMaxLength(20);
        builder.Property(o => o.PasswordHash).HasMaxLength(200).IsRequired();
        builder.Property(o => o.SecurityStamp).HasMaxLength(64).IsRequired();
        builder.Property(o => o.TotpSecretProtected).HasMaxLength(1000);
        builder.HasIndex(o => o.UnitId);
        builder.HasOne<Unit>().WithMany().HasForeignKey(o => o.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(o => o.Grants).WithOne().HasForeignKey(g => g.OfficerId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RoleGrantConfiguration : IEntityTypeConfiguration<RoleGrant>
{
    public void Configure(EntityTypeBuilder<RoleGrant> builder)
    {
        builder.ToTable("RoleGrants");
        builder.Property(g => g.Role).HasConversion<string>().HasMaxLength(30);
        builder.HasIndex(g => new { g.OfficerId, g.Role, g.UnitId }).IsUnique();
        builder.HasIndex(g => g.UnitId);
        builder.HasOne<Unit>().WithMany().HasForeignKey(g => g.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
