using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MotCua.Core.Calendar;

/// <summary>A year whose days off were announced by the government (and entered or imported here).</summary>
public sealed class CalendarYear
{
    public int Year { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public string UpdatedBy { get; set; } = "";

    public List<CalendarEntry> Entries { get; set; } = [];
}

public enum CalendarEntryKind
{
    DayOff,
    MakeUpWorkday,
}

/// <summary>One announced day off or make-up working day.</summary>
public sealed class CalendarEntry
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public int Year { get; set; }

    public DateOnly Date { get; set; }

    public CalendarEntryKind Kind { get; set; }

    public string Name { get; set; } = "";
}

/// <summary>Working hours of a unit and, unless overridden, of every unit below it.</summary>
public sealed class UnitWorkingHours
{
    public Guid UnitId { get; set; }

    /// <summary>Windows per weekday, e.g. <c>{"monday":[{"start":"07:30","end":"11:30"},…],…}</c>.</summary>
    public string WindowsJson { get; set; } = "";

    public TimeOnly SameDayCutoff { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class CalendarYearConfiguration : IEntityTypeConfiguration<CalendarYear>
{
    public void Configure(EntityTypeBuilder<CalendarYear> builder)
    {
        builder.ToTable("CalendarYears");
        builder.HasKey(y => y.Year);
        builder.Property(y => y.Year).ValueGeneratedNever();
        builder.Property(y => y.UpdatedBy).HasMaxLength(100);
        builder.HasMany(y => y.Entries).WithOne().HasForeignKey(e => e.Year).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CalendarEntryConfiguration : IEntityTypeConfiguration<CalendarEntry>
{
    public void Configure(EntityTypeBuilder<CalendarEntry> builder)
    {
        builder.ToTable("CalendarEntries");
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Name).HasMaxLength(200).IsRequired();
        builder.HasIndex(e => e.Date).IsUnique();
    }
}

internal sealed class UnitWorkingHoursConfiguration : IEntityTypeConfiguration<UnitWorkingHours>
{
    public void Configure(EntityTypeBuilder<UnitWorkingHours> builder)
    {
        builder.ToTable("UnitWorkingHours");
        builder.HasKey(h => h.UnitId);
        builder.Property(h => h.WindowsJson).HasMaxLength(2000).IsRequired();
        builder.HasOne<Organisation.Unit>().WithOne().HasForeignKey<UnitWorkingHours>(h => h.UnitId).OnDelete(DeleteBehavior.Cascade);
    }
}
