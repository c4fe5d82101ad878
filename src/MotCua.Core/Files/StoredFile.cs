using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MotCua.Core.Files;

/// <summary>An uploaded scan or document: where it is, what it is (by signature), its SHA-256, who uploaded it.</summary>
public sealed class StoredFile
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public string Key { get; set; } = "";

    public string FileName { get; set; } = "";

    public string ContentType { get; set; } = "";

    public long Size { get; set; }

    public string Sha256 { get; set; } = "";

    public Guid? UnitId { get; set; }

    public Guid? UploadedById { get; set; }

    public string UploadedByName { get; set; } = "";

    public DateTimeOffset UploadedAt { get; set; }
}

internal sealed class StoredFileConfiguration : IEntityTypeConfiguration<StoredFile>
{
    public void Configure(EntityTypeBuilder<StoredFile> builder)
    {
        builder.ToTable("StoredFiles");
        builder.Property(f => f.Key).HasMaxLength(200).IsRequired();
        builder.Property(f => f.FileName).HasMaxLength(300);
        builder.Property(f => f.ContentType).HasMaxLength(200);
        builder.Property(f => f.Sha256).HasMaxLength(64);
        builder.Property(f => f.UploadedByName).HasMaxLength(200);
    }
}
