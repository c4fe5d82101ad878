using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using MotCua.Core.Data;

namespace MotCua.Core.Dossiers;

/// <summary>
/// Evicts from this node's <see cref="PublicLookupCache"/> the dossiers a transaction changed, once it has
/// committed (evicting earlier would let a lookup read the old row back in before the commit).
/// </summary>
public sealed class PublicViewEviction(PublicLookupCache cache) : DbTransactionInterceptor
{
    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Apply(eventData);

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(eventData);
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData);

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData);
        return Task.CompletedTask;
    }

    public override void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Forget(eventData);

    public override Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData);
        return Task.CompletedTask;
    }

    private void Apply(TransactionEndEventData eventData)
    {
        if (eventData.Context is MotCuaDbContext db)
        {
            foreach (var changes in db.TakeCommittedPublicViewChanges())
            {
                changes.ApplyTo(cache);
            }
        }
    }

    private static void Forget(DbContextEventData eventData) => (eventData.Context as MotCuaDbContext)?.TakeCommittedPublicViewChanges();
}
