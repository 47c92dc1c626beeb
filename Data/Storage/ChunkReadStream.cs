using Npgsql;

namespace Kite.Data.Storage;

/// <summary>
/// Reads a <see cref="PostgresStorage"/> file chunk after chunk from an open reader in sequential access, so only the
/// chunk being read is in memory. Owns the connection: disposing the stream returns it to the pool.
/// </summary>
internal sealed class ChunkReadStream(NpgsqlConnection connection, NpgsqlCommand command, NpgsqlDataReader reader) : Stream
{
    private Stream? chunk;
    private bool disposed;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            chunk ??= reader.GetStream(0);
            var read = await chunk.ReadAsync(buffer, cancellationToken);
            if (read > 0 || buffer.Length == 0)
            {
                return read;
            }

            await chunk.DisposeAsync();
            chunk = null;
            if (!await reader.ReadAsync(cancellationToken))
            {
                return 0;
            }
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override void Flush() { }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override async ValueTask DisposeAsync()
    {
        if (!disposed)
        {
            disposed = true;
            if (chunk is not null)
            {
                await chunk.DisposeAsync();
            }

            await reader.DisposeAsync();
            await command.DisposeAsync();
            await connection.DisposeAsync();
        }

        // Everything is released above, so the base's Dispose(true) finds nothing left to do.
        await base.DisposeAsync();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && !disposed)
        {
            disposed = true;
            chunk?.Dispose();
            reader.Dispose();
            command.Dispose();
            connection.Dispose();
        }

        base.Dispose(disposing);
    }
}
