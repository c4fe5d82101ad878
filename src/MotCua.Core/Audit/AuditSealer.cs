using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MotCua.Core.Data;

namespace MotCua.Core.Audit;

/// <summary>An audit entry written with its command, waiting to be sealed into the hash chain.</summary>
public sealed class AuditPendingEntry
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public DateTimeOffset At { get; set; }

    public Guid? ActorId { get; set; }

    public string ActorName { get; set; } = "";

    public string? IpAddress { get; set; }

    public string Action { get; set; } = "";

    public string TargetType { get; set; } = "";

    public string? TargetId { get; set; }

    public Guid? UnitId { get; set; }

    public string Details { get; set; } = "";
}

internal sealed class AuditPendingEntryConfiguration : IEntityTypeConfiguration<AuditPendingEntry>
{
    public void Configure(EntityTypeBuilder<AuditPendingEntry> builder)
    {
        builder.ToTable("AuditPending");
        builder.Property(a => a.ActorName).HasMaxLength(100).IsRequired();
        builder.Property(a => a.IpAddress).HasMaxLength(64);
        builder.Property(a => a.Action).HasMaxLength(80).IsRequired();
        builder.Property(a => a.TargetType).HasMaxLength(50).IsRequired();
        builder.Property(a => a.TargetId).HasMaxLength(100);
        builder.Property(a => a.Details).HasMaxLength(4000).IsRequired();
    }
}

/// <summary>Wakes the sealer after a command committed audit entries.</summary>
public sealed class AuditSealSignal
{
    private readonly SemaphoreSlim _semaphore = new(0);

    public void Notify()
    {
        if (_semaphore.CurrentCount == 0)
        {
            _semaphore.Release();
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _semaphore.WaitAsync(timeout, cancellationToken);
}

/// <summary>
/// Moves committed pending entries into the append-only chain in batches: each gets the next sequence
/// number and a hash over its fields and the previous hash, and leaves the pending table in the same
/// transaction. One sealer at a time (a PostgreSQL advisory lock; SQLite has a single writer), so the
/// chain has no gaps. Readers of the trail seal first, so they see every committed command.
/// </summary>
public sealed class AuditSealer(MotCuaDbContext db)
{
    // Any constant works; it names the one lock that serialises appends to the chain on PostgreSQL.
    private const long ChainLockKey = 0x4D6F74437561;
    private const int BatchSize = 500;

    /// <summary>Seals everything pending; returns how many entries were sealed.</summary>
    public async Task<int> SealAsync(CancellationToken cancellationToken)
    {
        var sealedCount = 0;
        while (true)
        {
            var batch = await SealBatchAsync(cancellationToken);
            sealedCount += batch;
            if (batch < BatchSize)
            {
                return sealedCount;
            }
        }
    }

    private async Task<int> SealBatchAsync(CancellationToken cancellationToken)
    {
        if (!await db.Set<AuditPendingEntry>().AnyAsync(cancellationToken))
        {
            return 0;
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!db.IsSqlite)
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({ChainLockKey})", cancellationToken);
        }
        var pending = await db.Set<AuditPendingEntry>().AsNoTracking().OrderBy(p => p.At).ThenBy(p => p.Id).Take(BatchSize).ToListAsync(cancellationToken);
        if (pending.Count == 0)
        {
            return 0;
        }
        var last = await db.AuditEntries.AsNoTracking()
            .OrderByDescending(a => a.Sequence)
            .Select(a => new { a.Sequence, a.Hash })
            .FirstOrDefaultAsync(cancellationToken);
        var sequence = last?.Sequence ?? 0;
        var previous = last?.Hash ?? AuditChain.Genesis;
        foreach (var item in pending)
        {
            var entry = new AuditEntry
            {
                Sequence = ++sequence,
                At = item.At,
                ActorId = item.ActorId,
                ActorName = item.ActorName,
                IpAddress = item.IpAddress,
                Action = item.Action,
                TargetType = item.TargetType,
                TargetId = item.TargetId,
                UnitId = item.UnitId,
                Details = item.Details,
                PreviousHash = previous,
            };
            entry.Hash = AuditChain.Compute(entry);
            previous = entry.Hash;
            db.AuditEntries.Add(entry);
        }
        await db.SaveChangesAsync(cancellationToken);
        var ids = pending.Select(p => p.Id).ToList();
        await db.Set<AuditPendingEntry>().Where(p => ids.Contains(p.Id)).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return pending.Count;
    }
}

/// <summary>Seals pending audit entries shortly after commands commit them (and on a slow poll, for other nodes' commands).</summary>
public sealed class AuditSealerService(IServiceScopeFactory scopes, AuditSealSignal signal, ILogger<AuditSealerService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await signal.WaitAsync(TimeSpan.FromSeconds(2), stoppingToken);
                await Task.Delay(TimeSpan.FromMilliseconds(50), stoppingToken);
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<AuditSealer>().SealAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                logger.LogError(exception, "Sealing the audit trail failed; retrying");
            }
        }
    }
}
