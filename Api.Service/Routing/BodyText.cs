using System.Text;
using Kite.Api.Problems;

namespace Kite.Api.Routing;

/// <summary>Reads a text body up to a limit, answering 413 (naming the body) rather than buffering anything sent.</summary>
public static class BodyText
{
    public static async Task<string> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            throw TooLarge(maxBytes);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw TooLarge(maxBytes);
            }

            buffer.Write(chunk, 0, read);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>Refuses a body whose media type is not YAML (or plain text, or unnamed), so JSON sent by mistake gets a clear answer.</summary>
    public static void RequireYaml(HttpRequest request)
    {
        var type = request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        if (type is not (null or "" or "application/x-yaml" or "application/yaml" or "text/yaml" or "text/x-yaml" or "text/plain"))
        {
            throw ApiProblemException.UnsupportedMediaType($"a flow is sent as YAML with Content-Type application/x-yaml, not {type}");
        }
    }

    private static ApiProblemException TooLarge(int maxBytes) =>
        ApiProblemException.TooLarge("body", $"the body is larger than the limit of {maxBytes} bytes");
}
