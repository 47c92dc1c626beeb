using System.Text;
using Kite.Api.Problems;

namespace Kite.Api.Routing;

/// <summary>Reads a UTF-8 text body up to a limit, answering 413 (naming the body) rather than buffering anything sent, and 400 for bytes that are not UTF-8.</summary>
public static class BodyText
{
    // Strict: a byte that is not UTF-8 is refused, not read as U+FFFD into a key, a value or a flow.
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

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

        return Decode(buffer, "body");
    }

    /// <summary>The buffer's bytes as UTF-8 text; 400 naming <paramref name="field"/> when one does not decode.</summary>
    public static string Decode(MemoryStream buffer, string field)
    {
        try
        {
            return Utf8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        }
        catch (DecoderFallbackException e)
        {
            throw ApiProblemException.BadRequest(field, $"'{field}' is not UTF-8 text: the byte at {e.Index} does not decode");
        }
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

    /// <summary>Refuses a body whose media type is not JSON (an unnamed one is read as JSON); <paramref name="what"/> names the body, plural.</summary>
    public static void RequireJson(HttpRequest request, string what)
    {
        var type = request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        if (type is not (null or "") && !type.EndsWith("json", StringComparison.Ordinal))
        {
            throw ApiProblemException.UnsupportedMediaType($"{what} sent as JSON with Content-Type application/json, not {type}");
        }
    }

    private static ApiProblemException TooLarge(int maxBytes) =>
        ApiProblemException.TooLarge("body", $"the body is larger than the limit of {maxBytes} bytes");
}
