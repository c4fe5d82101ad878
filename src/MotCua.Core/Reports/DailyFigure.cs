using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Core.Data;
using MotCua.Core.Dossiers;
using MotCua.Domain.Dossiers;
using MotCua.Domain.Reports;

namespace MotCua.Core.Reports;

/// <summary>
/// One counter of the incremental report figures: a lead agency, a local day, a <see cref="FigureKey"/> and, for
/// online procedures, the procedure's code. Every dossier change writes its deltas in its own transaction
/// (<see cref="FigureDelta"/>, insert only); <see cref="FigureFolder"/> adds them to the counters a moment later;
/// the nightly <see cref="FigureReconciliation"/> checks and repairs the counters.
/// </summary>
public sealed class DailyFigure
{
    public Guid UnitId { get; set; }

    public DateOnly Day { get; set; }

    public int Key { get; set; }

    public string Code { get; set; } = "";

    public long Count { get; set; }
}

/// <summary>The same counters summed by month (<see cref="DailyFigures.Monthly"/>): a year is 12 rows per unit and figure, not 365.</summary>
public sealed class MonthlyFigure
{
    public Guid UnitId { get; set; }

    /// <summary>The first day of the month.</summary>
    public DateOnly Month { get; set; }

    public int Key { get; set; }

    public string Code { get; set; } = "";

    public long Count { get; set; }
}

/// <summary>
/// A change of one daily counter, written with the dossier change that caused it. Only ever inserted, so concurrent
/// receptions at one agency never wait on each other's counter rows; folded into the counters in batches. Readers
/// add the deltas not folded yet, so reports are exact at every moment.
/// </summary>
public sealed class FigureDelta
{
    public long Id { get; set; }

    public Guid UnitId { get; set; }

    public DateOnly Day { get; set; }

    public int Key { get; set; }

    public string Code { get; set; } = "";

    public long Delta { get; set; }
}

internal sealed class FigureDeltaConfiguration : IEntityTypeConfiguration<FigureDelta>
{
    public void Configure(EntityTypeBuilder<FigureDelta> builder)
    {
        builder.ToTable("FigureDeltas");
        builder.Property(f => f.Code).HasMaxLength(40);
    }
}

internal sealed class DailyFigureConfiguration : IEntityTypeConfiguration<DailyFigure>
{
    public void Configure(EntityTypeBuilder<DailyFigure> builder)
    {
        builder.ToTable("DailyFigures");
        // Reports ask for some figures of some units over a range of days: the key in that order.
        builder.HasKey(f => new { f.Key, f.UnitId, f.Day, f.Code });
        builder.Property(f => f.Code).HasMaxLength(40);
    }
}

internal sealed class MonthlyFigureConfiguration : IEntityTypeConfiguration<MonthlyFigure>
{
    public void Configure(EntityTypeBuilder<MonthlyFigure> builder)
    {
        builder.ToTable("MonthlyFigures");
        builder.HasKey(f => new { f.Key, f.UnitId, f.Month, f.Code });
        builder.Property(f => f.Code).HasMaxLength(40);
    }
}

/// <summary>
/// Turns the dossier changes a <see cref="MotCuaDbContext"/> is about to save into the daily figures they move
/// (the former state taken out, the new one put in), saved with them as <see cref="FigureDelta"/> rows.
/// </summary>
public static class FigureLedger
{
    private const int RowsPerStatement = 150;

    /// <summary>Dossiers in these states were never received (online ones not accepted yet, refused or returned at the desk): reports leave them out.</summary>
    public static readonly DossierStatus[] NeverReceived = [DossierStatus.Submitted, DossierStatus.NotAccepted, DossierStatus.IncompleteAtDesk];

    internal static readonly string SupplementAction = DossierAction.RequestSupplement.Key();

    /// <summary>The facts of a dossier once received and counted; null before (or never, when refused at the desk).</summary>
    public static DossierFacts? Facts(Dossier d) =>
        d.ReceivedAt is not { } received || NeverReceived.Contains(d.Status) ? null
            : new DossierFacts(d.ProcessingUnitId, received, d.Channel, d.Status, d.FinishedAt, d.Timeliness, d.DueAt, d.ReturnMethod,
                d.ProcedureCode, d.NpspSynced, d.Digitised);

    /// <summary>What the pending changes add to the figures (before saving: the original values are still known).</summary>
    public static async Task<Dictionary<FigureCell, long>> CollectAsync(MotCuaDbContext db, CancellationToken cancellationToken)
    {
        var deltas = new Dictionary<FigureCell, long>();
        var dossiers = db.ChangeTracker.Entries<Dossier>().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted).ToList();
        if (dossiers.Count == 0)
        {
            return deltas;
        }
        var requested = db.ChangeTracker.Entries<DossierEvent>()
            .Where(e => e.State == EntityState.Added && e.Entity.Action == SupplementAction)
            .GroupBy(e => e.Entity.DossierId)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Entity.At).ToList());
        foreach (var entry in dossiers)
        {
            var before = entry.State == EntityState.Added ? null : Facts((Dossier)entry.OriginalValues.ToObject());
            var after = entry.State == EntityState.Deleted ? null : Facts(entry.Entity);
            var added = requested.GetValueOrDefault(entry.Entity.Id) ?? [];
            // Earlier supplement requests matter when the unit changes or a new request follows them.
            var earlier = entry.State != EntityState.Added && entry.OriginalValues.GetValue<int>(nameof(Dossier.SupplementRequests)) > 0
                && (added.Count > 0 || before?.UnitId != after?.UnitId)
                ? await EarlierRequestsAsync(db, entry, cancellationToken)
                : [];
            if (before is not null)
            {
                DailyFigures.Add(deltas, before, earlier, -1);
            }
            if (after is not null)
            {
                DailyFigures.Add(deltas, after, [.. earlier, .. added], +1);
            }
        }
        return deltas;
    }

    private static async Task<List<DateTimeOffset>> EarlierRequestsAsync(MotCuaDbContext db, EntityEntry<Dossier> entry, CancellationToken cancellationToken)
    {
        var id = entry.Entity.Id;
        return await db.Set<DossierEvent>().AsNoTracking()
            .Where(e => e.DossierId == id && e.Action == SupplementAction)
            .Select(e => e.At)
            .ToListAsync(cancellationToken);
    }

    /// <summary>Adds the deltas to the daily counters and their months, creating the missing ones.</summary>
    public static async Task ApplyAsync(MotCuaDbContext db, IReadOnlyDictionary<FigureCell, long> deltas, CancellationToken cancellationToken)
    {
        await UpsertAsync(db, Daily, deltas, cancellationToken);
        await UpsertAsync(db, Monthly, DailyFigures.Monthly(deltas), cancellationToken);
    }

    /// <summary>The delta rows of the collected changes, to be saved with them.</summary>
    public static List<FigureDelta> Rows(IReadOnlyDictionary<FigureCell, long> deltas) =>
        deltas.Select(d => new FigureDelta { UnitId = d.Key.UnitId, Day = d.Key.Day, Key = d.Key.Key, Code = d.Key.Code, Delta = d.Value }).ToList();

    internal const string Daily = "DailyFigures";
    internal const string Monthly = "MonthlyFigures";

    /// <summary>Adds the deltas to one table's counters; rows in one order so that concurrent writers never deadlock.</summary>
    internal static async Task UpsertAsync(MotCuaDbContext db, string table, IReadOnlyDictionary<FigureCell, long> deltas, CancellationToken cancellationToken)
    {
        var day = table == Daily ? "Day" : "Month";
        var rows = deltas.Where(d => d.Value != 0)
            .OrderBy(d => d.Key.Key).ThenBy(d => d.Key.UnitId).ThenBy(d => d.Key.Day).ThenBy(d => d.Key.Code, StringComparer.Ordinal)
            .ToList();
        foreach (var chunk in rows.Chunk(RowsPerStatement))
        {
            var sql = new StringBuilder($"INSERT INTO \"{table}\" (\"UnitId\", \"{day}\", \"Key\", \"Code\", \"Count\") VALUES ");
            var parameters = new object[chunk.Length * 5];
            for (var i = 0; i < chunk.Length; i++)
            {
                var (cell, count) = chunk[i];
                sql.Append(i == 0 ? "" : ", ").Append($"({{{i * 5}}}, {{{i * 5 + 1}}}, {{{i * 5 + 2}}}, {{{i * 5 + 3}}}, {{{i * 5 + 4}}})");
                (parameters[i * 5], parameters[i * 5 + 1], parameters[i * 5 + 2], parameters[i * 5 + 3], parameters[i * 5 + 4]) =
                    (cell.UnitId, cell.Day, cell.Key, cell.Code, count);
            }
            sql.Append($" ON CONFLICT (\"Key\", \"UnitId\", \"{day}\", \"Code\") DO UPDATE SET \"Count\" = \"{table}\".\"Count\" + excluded.\"Count\"");
            await db.Database.ExecuteSqlRawAsync(sql.ToString(), parameters, cancellationToken);
        }
    }
}
