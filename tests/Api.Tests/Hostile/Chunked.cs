namespace Kite.Api.Tests.Hostile;

/// <summary>A body sent chunked, with no Content-Length, so the Api can only find it too large while reading it.</summary>
public sealed class Chunked : HttpContent
{
    private readonly HttpContent inner;

    public Chunked(HttpContent inner)
    {
        this.inner = inner;
        Headers.ContentType = inner.Headers.ContentType;
    }

    protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) => inner.CopyToAsync(stream);

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
