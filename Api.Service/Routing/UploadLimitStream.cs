using Kite.Api.Problems;

namespace Kite.Api.Routing;

/// <summary>
/// The request body read through a byte budget: past <c>Api:MaxUploadBytes</c> the read fails with 413 naming the
/// limit, so an upload is refused while it streams rather than after it was stored whole.
/// </summary>
public sealed class UploadLimitStream(Stream body, long maxBytes) : Stream
{
    private long read;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => read; set => throw new NotSupportedException(); }

    public static ApiProblemException TooLarge(long maxBytes) =>
        ApiProblemException.TooLarge("body", $"the upload is larger than the limit of {maxBytes} bytes (Api:MaxUploadBytes)");

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var count = await body.ReadAsync(buffer, cancellationToken);
        read += count;
        return read > maxBytes ? throw TooLarge(maxBytes) : count;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override void Flush() { }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
