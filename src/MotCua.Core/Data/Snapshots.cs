using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace MotCua.Core.Data;

/// <summary>
/// A read transaction that sees one state of the database throughout: repeatable read on PostgreSQL; on SQLite a
/// deferred transaction (a snapshot in WAL mode that, unlike the default immediate one, does not block writers).
/// Disposing it without committing ends it.
/// </summary>
public sealed class ReadSnapshot : IAsyncDisposable
{
    private readonly IDbContextTransaction _transaction;
    private readonly DbTransaction? _owned;

    private ReadSnapshot(IDbContextTransaction transaction, DbTransaction? owned) => (_transaction, _owned) = (transaction, owned);

    public static async Task<ReadSnapshot> BeginAsync(MotCuaDbContext db, CancellationToken cancellationToken)
    {
        if (!db.IsSqlite)
        {
            return new ReadSnapshot(await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken), null);
        }
        await db.Database.OpenConnectionAsync(cancellationToken);
        var owned = ((SqliteConnection)db.Database.GetDbConnection()).BeginTransaction(deferred: true);
        var transaction = await db.Database.UseTransactionAsync(owned, cancellationToken)
            ?? throw new InvalidOperationException("The SQLite transaction was not taken.");
        return new ReadSnapshot(transaction, owned);
    }

    public Task CommitAsync(CancellationToken cancellationToken) => _transaction.CommitAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        // EF Core leaves a transaction it was handed to its owner: end both.
        await _transaction.DisposeAsync();
        if (_owned is not null)
        {
            await _owned.DisposeAsync();
        }
    }
}
