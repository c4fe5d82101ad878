using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MotCua.Core.Catalogue;

internal sealed class ProcedureConfiguration : IEntityTypeConfiguration<Procedure>
{
    public void Configure(EntityTypeBuilder<Procedure> builder)
    {
        builder.ToTable("Procedures");
        builder.Property(p => p.Code).HasMaxLength(40).IsRequired();
        builder.HasIndex(p => p.Code).IsUnique();
        builder.HasMany(p => p.Versions).WithOne().HasForeignKey(v => v.ProcedureId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ProcedureVersionConfiguration : IEntityTypeConfiguration<ProcedureVersion>
{
    public void Configure(EntityTypeBuilder<ProcedureVersion> builder)
    {
        builder.ToTable("ProcedureVersions");
        builder.Property(v => v.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(v => v.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(v => v.OnlineLevel).HasConversion<string>().HasMaxLength(20);
        builder.Property(v => v.Name).HasMaxLength(1000).IsRequired();
        builder.Property(v => v.FieldCode).HasMaxLength(40).IsRequired();
        builder.Property(v => v.Levels).HasMaxLength(100);
        builder.Property(v => v.Agency).HasMaxLength(500);
        builder.Property(v => v.ProcessingValue).HasPrecision(9, 2);
        builder.Property(v => v.ProcessingUnit).HasMaxLength(20);
        builder.Property(v => v.ProcessingNote).HasMaxLength(1000);
        builder.Property(v => v.ImplementationSteps).HasMaxLength(8000);
        builder.Property(v => v.Result).HasMaxLength(2000);
        builder.Property(v => v.Applicants).HasMaxLength(2000);
        builder.Property(v => v.Conditions).HasMaxLength(4000);
        builder.Property(v => v.Keywords).HasMaxLength(4000);
        builder.Property(v => v.SearchText).HasMaxLength(6000);
        builder.Property(v => v.DecisionNumber).HasMaxLength(100);
        builder.Property(v => v.ReviewNote).HasMaxLength(2000);
        builder.Property(v => v.ChangeSummary).HasMaxLength(2000);
        builder.Property(v => v.CreatedBy).HasMaxLength(100);
        builder.Property(v => v.SubmittedBy).HasMaxLength(100);
        builder.Property(v => v.ReviewedBy).HasMaxLength(100);
        builder.PrimitiveCollection(v => v.LegalBasis);
        builder.OwnsMany(v => v.Fees, fee =>
        {
            fee.ToJson();
            fee.Property(f => f.Kind).HasConversion<string>();
        });
        builder.OwnsMany(v => v.Components, component => component.ToJson());
        builder.OwnsMany(v => v.ProcessSteps, step => step.ToJson());
        builder.OwnsOne(v => v.InterAgency, inter =>
        {
            inter.ToJson();
            inter.OwnsMany(i => i.Consulted);
        });
        builder.HasIndex(v => new { v.ProcedureId, v.Number }).IsUnique();
        builder.HasIndex(v => new { v.State, v.EffectiveDate });
    }
}
