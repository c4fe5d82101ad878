using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Core.Organisation;
using MotCua.Domain.Dossiers;

namespace MotCua.Core.Dossiers;

internal sealed class DossierConfiguration : IEntityTypeConfiguration<Dossier>
{
    /// <summary>Statuses of finished dossiers, in the order the open-queue index's filter lists them.</summary>
    public static readonly DossierStatus[] Closed =
        [DossierStatus.Returned, DossierStatus.Withdrawn, DossierStatus.Stopped, DossierStatus.NotAccepted, DossierStatus.IncompleteAtDesk];

    /// <summary>The filter of the open-queue index; queries repeat it verbatim so that the planner can use the index.</summary>
    public static readonly string OpenFilter = $"\"Status\" NOT IN ({string.Join(", ", Closed.Select(s => $"'{s}'"))})";

    public void Configure(EntityTypeBuilder<Dossier> builder)
    {
        builder.ToTable("Dossiers");
        builder.Ignore(d => d.Allowance);
        builder.Ignore(d => d.IsPerson);
        builder.Property(d => d.Code).HasMaxLength(40);
        builder.Property(d => d.NpspId).HasMaxLength(60);
        builder.Property(d => d.ProcedureCode).HasMaxLength(40).IsRequired();
        builder.Property(d => d.ProcedureName).HasMaxLength(1000).IsRequired();
        builder.Property(d => d.FieldCode).HasMaxLength(40);
        builder.Property(d => d.Channel).HasConversion<string>().HasMaxLength(10);
        builder.Property(d => d.ApplicantKind).HasConversion<string>().HasMaxLength(15);
        builder.Property(d => d.ApplicantName).HasMaxLength(300).IsRequired();
        builder.Property(d => d.ApplicantPersonalId).HasMaxLength(12);
        builder.Property(d => d.ApplicantEnterpriseCode).HasMaxLength(20);
        builder.Property(d => d.ApplicantPhone).HasMaxLength(15);
        builder.Property(d => d.PhoneLast4).HasMaxLength(4);
        builder.Property(d => d.ApplicantEmail).HasMaxLength(200);
        builder.Property(d => d.ApplicantAddress).HasMaxLength(500);
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(25);
        builder.Property(d => d.Outcome).HasConversion<string>().HasMaxLength(10);
        builder.Property(d => d.CurrentStepRole).HasConversion<string>().HasMaxLength(15);
        builder.Property(d => d.CurrentAssigneeName).HasMaxLength(200);
        builder.Property(d => d.ClockState).HasConversion<string>().HasMaxLength(15);
        builder.Property(d => d.AllowanceValue).HasPrecision(9, 2);
        builder.Property(d => d.AllowanceUnit).HasConversion<string>().HasMaxLength(15);
        builder.Property(d => d.ReturnMethod).HasConversion<string>().HasMaxLength(10);
        builder.Property(d => d.Timeliness).HasConversion<string>().HasMaxLength(10);
        builder.Property(d => d.ApologyReason).HasMaxLength(2000);
        builder.Property(d => d.ResultNumber).HasMaxLength(60);
        builder.Property(d => d.DecisionNote).HasMaxLength(2000);
        builder.Property(d => d.Reason).HasMaxLength(4000);
        builder.Property(d => d.MissingItems).HasMaxLength(4000);
        builder.Property(d => d.Note).HasMaxLength(2000);
        builder.Property(d => d.ReceivedByName).HasMaxLength(200);
        builder.Property(d => d.Version).IsConcurrencyToken();
        builder.HasIndex(d => d.Code).IsUnique();
        // The portal's and an import's ids are set on few dossiers: the unique indexes hold only those, so a
        // desk reception writes no entry into them.
        builder.HasIndex(d => d.NpspId).IsUnique().HasFilter("\"NpspId\" IS NOT NULL");
        builder.Property(d => d.SourceId).HasMaxLength(100);
        builder.HasIndex(d => d.SourceId).IsUnique().HasFilter("\"SourceId\" IS NOT NULL");
        // Work queues: only open dossiers (a few percent of the table), keyed for a unit's queue by urgency and
        // carrying what the tab counts filter on, so counting and ordering read the index alone. "Mine" is served by
        // it too (an officer's queue is always within the units of the officer's scope).
        builder.HasIndex(d => new { d.CurrentUnitId, d.DueAt, d.CurrentStepDeadline, d.CurrentAssigneeId, d.Status })
            .HasDatabaseName("IX_Dossiers_OpenQueue")
            .HasFilter(OpenFilter)
            .IncludeProperties(d => d.Id);
        // Registers and reports: a desk's dossiers by reception time; an agency's by status.
        builder.HasIndex(d => new { d.ReceivingUnitId, d.ReceivedAt });
        builder.HasIndex(d => new { d.ProcessingUnitId, d.Status });
        builder.HasIndex(d => d.ApplicantPersonalId);
        builder.HasMany(d => d.Documents).WithOne().HasForeignKey(x => x.DossierId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Unit>().WithMany().HasForeignKey(d => d.ReceivingUnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Unit>().WithMany().HasForeignKey(d => d.ProcessingUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DossierDocumentConfiguration : IEntityTypeConfiguration<DossierDocument>
{
    public void Configure(EntityTypeBuilder<DossierDocument> builder)
    {
        builder.ToTable("DossierDocuments");
        builder.Property(d => d.Name).HasMaxLength(2000).IsRequired();
    }
}

internal sealed class DossierStepConfiguration : IEntityTypeConfiguration<DossierStep>
{
    public void Configure(EntityTypeBuilder<DossierStep> builder)
    {
        builder.ToTable("DossierSteps");
        builder.Property(s => s.Name).HasMaxLength(1000).IsRequired();
        builder.Property(s => s.Role).HasConversion<string>().HasMaxLength(15);
        builder.Property(s => s.UnitName).HasMaxLength(300);
        builder.Property(s => s.AssigneeName).HasMaxLength(200);
        builder.Property(s => s.Timeliness).HasConversion<string>().HasMaxLength(10);
        builder.Property(s => s.FinishedByName).HasMaxLength(200);
        builder.Property(s => s.Note).HasMaxLength(2000);
        builder.HasIndex(s => new { s.DossierId, s.Index });
        builder.HasOne<Dossier>().WithMany().HasForeignKey(s => s.DossierId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DossierEventConfiguration : IEntityTypeConfiguration<DossierEvent>
{
    public void Configure(EntityTypeBuilder<DossierEvent> builder)
    {
        builder.ToTable("DossierEvents");
        builder.Property(e => e.Action).HasMaxLength(40).IsRequired();
        builder.Property(e => e.FromStatus).HasConversion<string>().HasMaxLength(25);
        builder.Property(e => e.ToStatus).HasConversion<string>().HasMaxLength(25);
        builder.Property(e => e.ActorName).HasMaxLength(200);
        builder.Property(e => e.Note).HasMaxLength(4000);
        builder.HasIndex(e => new { e.DossierId, e.At });
        builder.HasOne<Dossier>().WithMany().HasForeignKey(e => e.DossierId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ConsultationConfiguration : IEntityTypeConfiguration<Consultation>
{
    public void Configure(EntityTypeBuilder<Consultation> builder)
    {
        builder.ToTable("Consultations");
        builder.Property(c => c.UnitName).HasMaxLength(300);
        builder.Property(c => c.AgencyName).HasMaxLength(300);
        builder.Property(c => c.Answer).HasMaxLength(4000);
        builder.Property(c => c.AnsweredByName).HasMaxLength(200);
        builder.Property(c => c.Timeliness).HasConversion<string>().HasMaxLength(10);
        builder.HasIndex(c => c.DossierId);
        builder.HasIndex(c => new { c.UnitId, c.AnsweredAt });
        builder.HasOne<Dossier>().WithMany().HasForeignKey(c => c.DossierId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DossierCodeCounterConfiguration : IEntityTypeConfiguration<DossierCodeCounter>
{
    public void Configure(EntityTypeBuilder<DossierCodeCounter> builder)
    {
        builder.ToTable("DossierCodeCounters");
        builder.HasKey(c => new { c.AgencyCode, c.Day });
        builder.Property(c => c.AgencyCode).HasMaxLength(20);
    }
}

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> builder)
    {
        builder.ToTable("IdempotencyRecords");
        builder.HasKey(r => new { r.OfficerId, r.Key });
        builder.Property(r => r.Key).HasMaxLength(100);
        builder.Property(r => r.RequestHash).HasMaxLength(64);
    }
}
