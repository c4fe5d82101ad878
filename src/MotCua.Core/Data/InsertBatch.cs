using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace MotCua.Core.Data;

/// <summary>
/// Writes a save made only of new rows (a reception, an audit entry, a queued notice) to PostgreSQL as one
/// batch of prepared <c>INSERT</c>s in a single round trip. EF Core's update pipeline builds, for every
/// save, the SQL and parameters of each row anew and was about a quarter of the app's CPU at the desk's
/// peak; here each table's statement is built once from the model and the values go through the model's
/// own type mappings (value converters included), so the rows are exactly what EF Core would write.
/// Without a transaction the batch is still atomic: Npgsql ends it with one Sync message, so PostgreSQL runs
/// it as one implicit transaction. A save this writer does not cover (an update or a delete, a table shared
/// by several entity types, owned types, shadow properties, values the database generates) is left to
/// EF Core: <see cref="Plan"/> answers null.
/// </summary>
internal static class InsertBatch
{
    private static readonly ConcurrentDictionary<IEntityType, Table?> Tables = new();

    /// <summary>Rows per statement at most (fewer when they would pass PostgreSQL's 65,535 parameters): a bounded set of statement sizes.</summary>
    private const int RowsPerStatement = 100;

    /// <summary>Creates parameters for the type mappings (a parameter's creation reads nothing from the command).</summary>
    private static readonly NpgsqlCommand ParameterSource = new();

    /// <summary>One table's statement; <c>Rank</c> orders principals before their dependents.</summary>
    internal sealed class Table(string insert, IProperty[] columns, RelationalTypeMapping[] mappings, int rank, bool generatesValues)
    {
        /// <summary>The statements for 1 to <see cref="RowsPerStatement"/> rows, built once each (the sizes that recur are prepared).</summary>
        private readonly ConcurrentDictionary<int, string> _statements = new();

        public IProperty[] Columns { get; } = columns;

        public RelationalTypeMapping[] Mappings { get; } = mappings;

        public int Rank { get; } = rank;

        /// <summary>The database generates a column (an identity key): fine for rows nobody reads back, not for tracked ones.</summary>
        public bool GeneratesValues { get; } = generatesValues;

        /// <summary>The <c>INSERT</c> of <paramref name="rows"/> rows with positional parameters, row after row.</summary>
        public string Sql(int rows) => _statements.GetOrAdd(rows, n => insert + string.Join(", ",
            Enumerable.Range(0, n).Select(row => $"({string.Join(", ", Enumerable.Range(row * Columns.Length + 1, Columns.Length).Select(i => $"${i}"))})")));
    }

    /// <summary>The tracked changes as rows to insert, or null when EF Core must save them.</summary>
    public static List<(Table Table, object Entity)>? Plan(DbContext db)
    {
        var rows = new List<(Table, object)>();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State == EntityState.Unchanged)
            {
                continue;
            }
            if (entry.State != EntityState.Added || For(entry.Metadata) is not { GeneratesValues: false } table)
            {
                return null;
            }
            rows.Add((table, entry.Entity));
        }
        return rows;
    }

    /// <summary>The statement of an entity type, or null when this writer does not map it.</summary>
    public static Table? For(IEntityType type) => Tables.GetOrAdd(type, Build);

    /// <summary>
    /// Inserts the rows atomically: in the context's transaction when one is open, else together with the
    /// insert-only saves other requests make at the same moment (<see cref="InsertGroup"/>).
    /// </summary>
    public static async Task ExecuteAsync(DbContext db, List<(Table Table, object Entity)> rows, CancellationToken cancellationToken)
    {
        var database = db.Database;
        if (database.CurrentTransaction is null && database.GetConnectionString() is { } connectionString)
        {
            await InsertGroup.For(connectionString).WriteAsync(rows, cancellationToken);
            return;
        }
        await database.OpenConnectionAsync(cancellationToken);
        try
        {
            await WriteAsync((NpgsqlConnection)database.GetDbConnection(), (NpgsqlTransaction?)database.CurrentTransaction?.GetDbTransaction(),
                rows, database.GetCommandTimeout(), cancellationToken);
        }
        finally
        {
            await database.CloseConnectionAsync();
        }
    }

    /// <summary>One batch: a statement per table (its rows in one VALUES list, up to RowsPerStatement), principals first.</summary>
    internal static async Task WriteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, IEnumerable<(Table Table, object Entity)> rows,
        int? timeout, CancellationToken cancellationToken)
    {
        try
        {
            await using var batch = new NpgsqlBatch(connection, transaction);
            if (timeout is { } seconds)
            {
                batch.Timeout = seconds;
            }
            foreach (var group in rows.GroupBy(r => r.Table).OrderBy(g => g.Key.Rank))
            {
                var table = group.Key;
                foreach (var chunk in group.Chunk(Math.Min(RowsPerStatement, ushort.MaxValue / table.Columns.Length)))
                {
                    var command = new NpgsqlBatchCommand(table.Sql(chunk.Length));
                    foreach (var (_, entity) in chunk)
                    {
                        for (var i = 0; i < table.Columns.Length; i++)
                        {
                            var column = table.Columns[i];
                            command.Parameters.Add((NpgsqlParameter)table.Mappings[i].CreateParameter(
                                ParameterSource, "", column.GetGetter().GetClrValueUsingContainingEntity(entity), column.IsNullable));
                        }
                    }
                    batch.BatchCommands.Add(command);
                }
            }
            await batch.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (DbException exception)
        {
            // As EF Core reports it, so that callers handle a unique violation the same way on either path.
            throw new DbUpdateException("An error occurred while saving the entity changes. See the inner exception for details.", exception);
        }
    }

    private static Table? Build(IEntityType type)
    {
        if (type.IsOwned() || type.BaseType is not null || type.GetDirectlyDerivedTypes().Any()
            || type.GetNavigations().Any(n => n.TargetEntityType.IsOwned())
            || type.GetForeignKeys().Any(k => k.PrincipalEntityType == type)
            || type.GetTableName() is not { } name
            || type.GetTableMappings().Single().Table.EntityTypeMappings.Count() != 1)
        {
            return null;
        }
        var store = StoreObjectIdentifier.Table(name, type.GetSchema());
        var columns = new List<IProperty>();
        var generates = false;
        foreach (var property in type.GetProperties())
        {
            if (property.IsShadowProperty() || property.GetComputedColumnSql(store) is not null
                || property.GetDefaultValueSql(store) is not null || property.TryGetDefaultValue(store, out _))
            {
                return null;
            }
            if (NpgsqlPropertyExtensions.GetValueGenerationStrategy(property, store) != NpgsqlValueGenerationStrategy.None)
            {
                generates = true;
                continue;
            }
            columns.Add(property);
        }
        var table = type.GetSchema() is { } schema ? $"\"{schema}\".\"{name}\"" : $"\"{name}\"";
        var insert = $"INSERT INTO {table} ({string.Join(", ", columns.Select(c => $"\"{c.GetColumnName(store)}\""))}) VALUES ";
        return new Table(insert, [.. columns], [.. columns.Select(c => (RelationalTypeMapping)c.GetRelationalTypeMapping())], Rank(type, []), generates);
    }

    /// <summary>How deep the type sits below the tables it refers to (a row is inserted after the rows it refers to).</summary>
    private static int Rank(IEntityType type, HashSet<IEntityType> path)
    {
        if (!path.Add(type))
        {
            return 0;
        }
        var rank = type.GetForeignKeys().Where(k => k.PrincipalEntityType != type).Select(k => Rank(k.PrincipalEntityType, path) + 1).DefaultIfEmpty(0).Max();
        path.Remove(type);
        return rank;
    }
}
