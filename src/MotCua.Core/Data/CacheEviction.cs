using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using MotCua.Core.Dossiers;
using MotCua.Core.Identity;

namespace MotCua.Core.Data;

/// <summary>
/// Evicts from this node's caches (<see cref="PublicLookupCache"/>, <see cref="OfficerIdentityCache"/>) what a
/// transaction changed, once it has committed (evicting earlier would let a request read the old row back in
/// before the commit).
/// </summary>
public sealed class CacheEviction(PublicLookupCache views, OfficerIdentityCache identities) : DbTransactionInterceptor
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
            var (changedViews, changedOfficers) = db.TakeCommittedChanges();
            foreach (var changes in changedViews)
            {
                changes.ApplyTo(views);
            }
            foreach (var changes in changedOfficers)
            {
                changes.ApplyTo(identities);
            }
        }
    }

    private static void Forget(DbContextEventData eventData) => (eventData.Context as MotCuaDbContext)?.TakeCommittedChanges();
}
