using System.Runtime.CompilerServices;
using Npgsql;
using NpgsqlTypes;

namespace Kite.Data.Storage;

/// <summary>
/// Internal storage in the <c>storage_files</c> table, shared by every node that reaches the database. Files are
/// written with binary COPY and read back a chunk at a time (1 MiB), so neither side holds a whole file in memory.
/// A file is replaced atomically: its old chunks are deleted and the new ones copied in one transaction.
/// </summary>
public sealed class PostgresStorage(NpgsqlDataSource dataSource) : IInternalStorage
{
    internal const int ChunkSize = 1024 * 1024;

    public async Task<long> PutAsync(StorageUri uri, Stream content, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var clear = new NpgsqlCommand(
            "SELECT pg_advisory_xact_lock(hashtextextended(@path, 0)); DELETE FROM storage_files WHERE path = @path", connection, transaction))
        {
            clear.Parameters.AddWithValue("path", uri.Path);
            await clear.ExecuteNonQueryAsync(cancellationToken);
        }

        long size = 0;
        var buffer = new byte[ChunkSize];
        await using (var importer = await connection.BeginBinaryImportAsync("COPY storage_files (path, chunk, data) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            for (var chunk = 0; ; chunk++)
            {
                var length = await content.ReadAtLeastAsync(buffer, ChunkSize, throwOnEndOfStream: false, cancellationToken);
                if (length == 0 && chunk > 0)
                {
                    break;
                }

                await importer.StartRowAsync(cancellationToken);
                await importer.WriteAsync(uri.Path, NpgsqlDbType.Text, cancellationToken);
                await importer.WriteAsync(chunk, NpgsqlDbType.Integer, cancellationToken);
                await importer.WriteAsync(new ArraySegment<byte>(buffer, 0, length), NpgsqlDbType.Bytea, cancellationToken);
                size += length;
                if (length < ChunkSize)
                {
                    break;
                }
            }

            await importer.CompleteAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return size;
    }

    public async Task<Stream?> OpenAsync(StorageUri uri, CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            var command = new NpgsqlCommand("SELECT data FROM storage_files WHERE path = @path ORDER BY chunk", connection);
            command.Parameters.AddWithValue("path", uri.Path);
            var reader = await command.ExecuteReaderAsync(System.Data.CommandBehavior.SequentialAccess, cancellationToken);
            if (await reader.ReadAsync(cancellationToken))
            {
                return new ChunkReadStream(connection, command, reader);
            }

            await reader.DisposeAsync();
            await command.DisposeAsync();
            await connection.DisposeAsync();
            return null;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async Task<long?> SizeAsync(StorageUri uri, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT sum(octet_length(data))::bigint FROM storage_files WHERE path = @path");
        command.Parameters.AddWithValue("path", uri.Path);
        return await command.ExecuteScalarAsync(cancellationToken) is long size ? size : null;
    }

    public async Task<bool> DeleteAsync(StorageUri uri, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM storage_files WHERE path = @path");
        command.Parameters.AddWithValue("path", uri.Path);
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    public async Task<int> DeleteExecutionsAsync(IReadOnlyCollection<ExecutionFiles> executions, CancellationToken cancellationToken)
    {
        if (executions.Count == 0)
        {
            return 0;
        }

        // One statement per execution, each a range of the primary key, sent together in one round trip and one transaction.
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection);
        foreach (var execution in executions)
        {
            var command = new NpgsqlBatchCommand(
                "WITH gone AS (DELETE FROM storage_files WHERE path >= @from AND path < @to RETURNING chunk) SELECT count(*) FROM gone WHERE chunk = 0");
            AddRange(command.Parameters, execution);
            batch.BatchCommands.Add(command);
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        batch.Transaction = transaction;
        var deleted = 0L;
        await using (var reader = await batch.ExecuteReaderAsync(cancellationToken))
        {
            do
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    deleted += reader.GetInt64(0);
                }
            }
            while (await reader.NextResultAsync(cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
        return (int)deleted;
    }

    public async IAsyncEnumerable<StoredFile> ListAsync(ExecutionFiles execution, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT path, sum(octet_length(data))::bigint FROM storage_files WHERE path >= @from AND path < @to GROUP BY path ORDER BY path");
        AddRange(command.Parameters, execution);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return new StoredFile(StorageUri.FromPath(reader.GetString(0)), reader.GetInt64(1));
        }
    }

    /// <summary>The execution's files are the paths from its prefix (ending in '/') up to the prefix with '/' replaced by '0', the next byte.</summary>
    private static void AddRange(NpgsqlParameterCollection parameters, ExecutionFiles execution)
    {
        var prefix = execution.Prefix;
        parameters.AddWithValue("from", prefix);
        parameters.AddWithValue("to", prefix[..^1] + "0");
    }
}
