using System.Collections.Concurrent;
using System.Threading.Channels;
using Npgsql;

namespace MotCua.Core.Data;

/// <summary>
/// Group commit for the insert-only saves made outside a transaction on PostgreSQL (receptions at the desk's
/// peak). A save waits only while earlier batches are being written; the saves queued meanwhile go out together
/// in the next batch, one statement per table and one commit, so PostgreSQL's per-statement and per-commit work
/// is shared by them. With nothing else queued a save goes out alone, at once. A batch is atomic; when it fails,
/// each of its saves is written again alone, so a save fails only for its own rows (a duplicate key, say) and
/// never makes another fail. A save returns once its rows are committed.
/// </summary>
internal sealed class InsertGroup
{
    /// <summary>Batches written at once: one can wait for its commit to reach the disk while the next executes.</summary>
    private const int Writers = 2;

    /// <summary>Rows in one batch at most (a larger save goes alone).</summary>
    private const int MaxRows = 2_000;

    private static readonly ConcurrentDictionary<string, Lazy<InsertGroup>> Groups = new();

    private readonly string _connectionString;
    private readonly Channel<Save> _queue = Channel.CreateUnbounded<Save>(new UnboundedChannelOptions { SingleWriter = false, SingleReader = false });

    private InsertGroup(string connectionString)
    {
        _connectionString = connectionString;
        for (var i = 0; i < Writers; i++)
        {
            _ = Task.Run(WriteLoopAsync);
        }
    }

    /// <summary>The group of a database (one per connection string in the process).</summary>
    public static InsertGroup For(string connectionString) =>
        Groups.GetOrAdd(connectionString, key => new Lazy<InsertGroup>(() => new InsertGroup(key))).Value;

    /// <summary>
    /// Writes the rows with the saves queued at the same moment. Cancellation counts only until the save is
    /// queued: from then on it is written or refused as a whole, as a batch already sent to the server would be.
    /// </summary>
    public Task WriteAsync(List<(InsertBatch.Table Table, object Entity)> rows, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var save = new Save(rows, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(save))
        {
            throw new InvalidOperationException("The insert group no longer accepts saves.");
        }
        return save.Done.Task;
    }

    private async Task WriteLoopAsync()
    {
        var reader = _queue.Reader;
        var saves = new List<Save>();
        while (await reader.WaitToReadAsync())
        {
            var rows = 0;
            while (rows < MaxRows && reader.TryRead(out var save))
            {
                saves.Add(save);
                rows += save.Rows.Count;
            }
            if (saves.Count > 0)
            {
                await WriteAsync(saves);
                saves.Clear();
            }
        }
    }

    private async Task WriteAsync(List<Save> saves)
    {
        if (saves.Count == 1)
        {
            await WriteAloneAsync(saves[0]);
            return;
        }
        try
        {
            await WriteOnceAsync(saves.SelectMany(s => s.Rows));
            foreach (var save in saves)
            {
                save.Done.TrySetResult();
            }
        }
        catch (Exception)
        {
            foreach (var save in saves)
            {
                await WriteAloneAsync(save);
            }
        }
    }

    private async Task WriteAloneAsync(Save save)
    {
        try
        {
            await WriteOnceAsync(save.Rows);
            save.Done.TrySetResult();
        }
        catch (Exception exception)
        {
            save.Done.TrySetException(exception);
        }
    }

    private async Task WriteOnceAsync(IEnumerable<(InsertBatch.Table Table, object Entity)> rows)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await InsertBatch.WriteAsync(connection, null, rows, null, CancellationToken.None);
    }

    private sealed record Save(List<(InsertBatch.Table Table, object Entity)> Rows, TaskCompletionSource Done);
}
