using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Audit;
using MotCua.Core.Calendar;
using MotCua.Core.Catalogue;
using MotCua.Core.Dossiers;
using MotCua.Core.Identity;
using MotCua.Core.Organisation;
using MotCua.Core.Reports;

namespace MotCua.Core.Data;

/// <summary>The one EF Core model; each provider has its own migrations assembly.</summary>
public sealed class MotCuaDbContext : DbContext, IDataProtectionKeyContext
{
    public MotCuaDbContext(DbContextOptions<MotCuaDbContext> options)
        : base(options)
    {
        // Commands never retry a failed SaveChanges inside their transaction, so the savepoint EF Core
        // would create around each one is two round trips for nothing.
        Database.AutoSavepointsEnabled = false;
    }

    public DbSet<Unit> Units => Set<Unit>();

    public DbSet<Officer> Officers => Set<Officer>();

    public DbSet<RoleGrant> RoleGrants => Set<RoleGrant>();

    public DbSet<Field> Fields => Set<Field>();

    public DbSet<Procedure> Procedures => Set<Procedure>();

    public DbSet<ProcedureVersion> ProcedureVersions => Set<ProcedureVersion>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<CalendarYear> CalendarYears => Set<CalendarYear>();

    public DbSet<CalendarEntry> CalendarEntries => Set<CalendarEntry>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>Changes to the public view of dossiers saved in the current transaction, evicted once it commits.</summary>
    private readonly List<PublicViewChanges> _publicViewChanges = [];

    /// <summary>Changes to officers' identities saved in the current transaction, evicted once it commits.</summary>
    private readonly List<OfficerChanges> _officerChanges = [];

    /// <summary>
    /// Saves, with the changes of the daily report figures the dossier changes cause (<see cref="FigureLedger"/>)
    /// as insert-only rows in the same transaction: the figures never disagree with the dossiers they count.
    /// A save that changes what the public lookup shows (<see cref="PublicViewChanges"/>) or an officer's identity
    /// (<see cref="OfficerChanges"/>) also tells every node's caches: on PostgreSQL with a <c>NOTIFY</c> inside the
    /// transaction, which PostgreSQL delivers when it commits; this node's own caches evict once it has committed
    /// (<see cref="CacheEviction"/>).
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        // The cached views and identities, the figures and the save itself each read the change tracker: detect
        // the changes once for all.
        var detect = ChangeTracker.AutoDetectChangesEnabled;
        if (detect)
        {
            ChangeTracker.DetectChanges();
            ChangeTracker.AutoDetectChangesEnabled = false;
        }
        try
        {
            var views = PublicViewChanges.Collect(this);
            var officers = OfficerChanges.Collect(this);
            if (views.IsEmpty && officers.IsEmpty)
            {
                return await SaveWithFiguresAsync(acceptAllChangesOnSuccess, cancellationToken);
            }
            // The announcements must commit with the change: in the caller's transaction, or in one of its own.
            await using var owned = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
            var saved = await SaveWithFiguresAsync(acceptAllChangesOnSuccess, cancellationToken);
            await AnnounceAsync(views, officers, cancellationToken);
            if (owned is not null)
            {
                await owned.CommitAsync(cancellationToken);
            }
            return saved;
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }

    /// <summary>What this context's transaction changed in cached views and identities; emptied as it is read (nothing allocated when none).</summary>
    internal (IReadOnlyList<PublicViewChanges> Views, IReadOnlyList<OfficerChanges> Officers) TakeCommittedChanges()
    {
        if (_publicViewChanges.Count == 0 && _officerChanges.Count == 0)
        {
            return ([], []);
        }
        var taken = (_publicViewChanges.ToList(), _officerChanges.ToList());
        _publicViewChanges.Clear();
        _officerChanges.Clear();
        return taken;
    }

    private async Task AnnounceAsync(PublicViewChanges views, OfficerChanges officers, CancellationToken cancellationToken)
    {
        if (!views.IsEmpty)
        {
            _publicViewChanges.Add(views);
        }
        if (!officers.IsEmpty)
        {
            _officerChanges.Add(officers);
        }
        if (IsSqlite)
        {
            return;
        }
        if (!views.IsEmpty)
        {
            await Database.ExecuteSqlAsync($"SELECT pg_notify({PublicViewChanges.Channel}, {views.Payload})", cancellationToken);
        }
        if (!officers.IsEmpty)
        {
            await Database.ExecuteSqlAsync($"SELECT pg_notify({OfficerChanges.Channel}, {officers.Payload})", cancellationToken);
        }
    }

    private async Task<int> SaveWithFiguresAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        var deltas = FigureLedger.Rows(await FigureLedger.CollectAsync(this, cancellationToken));
        if (!IsSqlite && InsertBatch.Plan(this) is { } rows)
        {
            var table = InsertBatch.For(Model.FindEntityType(typeof(FigureDelta))!)!;
            rows.AddRange(deltas.Select(d => (table, (object)d)));
            await InsertBatch.ExecuteAsync(this, rows, cancellationToken);
            if (acceptAllChangesOnSuccess)
            {
                ChangeTracker.AcceptAllChanges();
            }
            return rows.Count;
        }
        if (deltas.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        AddRange(deltas);
        try
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        finally
        {
            // Saved or not, they are this attempt's: a retry collects its own.
            foreach (var delta in deltas)
            {
                Entry(delta).State = EntityState.Detached;
            }
        }
    }

    /// <summary>Only for libraries that save synchronously (the data-protection key store); dossiers are saved asynchronously.</summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        ChangeTracker.Entries<Dossiers.Dossier>().Any(e => e.State != EntityState.Unchanged)
            ? throw new NotSupportedException("Dossiers are saved with SaveChangesAsync, which keeps the report figures in step.")
            : base.SaveChanges(acceptAllChangesOnSuccess);

    public bool IsSqlite => Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite";

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(MotCuaDbContext).Assembly);
        modelBuilder.Entity<DataProtectionKey>().ToTable("DataProtectionKeys");
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        if (IsSqlite)
        {
            // SQLite has no instant type: store UTC ticks so that comparisons and ORDER BY run in SQL.
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
            configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcTicksConverter>();
        }
        else
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcInstantConverter>();
            configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcInstantConverter>();
        }
    }
}
