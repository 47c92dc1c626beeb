using System.Text;
using System.Text.Json;
using Kite.Api.Problems;
using Kite.Api.Routing;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Kite.Api.Executions;

/// <summary>
/// The inputs sent with a new or resumed execution, as Kestra accepts them: a <c>multipart/form-data</c> (or
/// url-encoded) form with one field per input, or a JSON object. A multipart body is read part by part: a file part is
/// streamed into <see cref="InputFiles"/> and stands as its <c>kestra://</c> URI. Values stay raw here; Core's
/// InputResolver types them.
/// </summary>
public static class SubmittedInputs
{
    /// <param name="files">Where file parts go; without it (a request that takes no files) a file part is refused.</param>
    public static async Task<Dictionary<string, object?>> ReadAsync(HttpRequest request, ApiOptions options, InputFiles? files, CancellationToken cancellationToken)
    {
        var inputs = IsMultipart(request, out var boundary) ? await ReadMultipartAsync(request, boundary, options, files, cancellationToken)
            : request.HasFormContentType ? await ReadFormAsync(request, cancellationToken)
            : IsJson(request) ? await ReadJsonAsync(request, options, cancellationToken)
            : HasBody(request) ? throw ApiProblemException.UnsupportedMediaType($"inputs are sent as multipart/form-data or application/json, not {request.ContentType}")
            : [];
        return inputs.Count > options.MaxInputs
            ? throw ApiProblemException.TooLarge("inputs", $"{inputs.Count} inputs were sent; at most {options.MaxInputs} are accepted")
            : inputs;
    }

    private static async Task<Dictionary<string, object?>> ReadMultipartAsync(
        HttpRequest request, string boundary, ApiOptions options, InputFiles? files, CancellationToken cancellationToken)
    {
        if (request.ContentLength > options.MaxUploadBytes)
        {
            throw UploadLimitStream.TooLarge(options.MaxUploadBytes);
        }

        // The server's limit for every other body is MaxBodyBytes; this one is counted by UploadLimitStream instead.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } serverLimit)
        {
            serverLimit.MaxRequestBodySize = options.MaxUploadBytes;
        }

        var reader = new MultipartReader(boundary, new UploadLimitStream(request.Body, options.MaxUploadBytes));
        var values = new Dictionary<string, List<object?>>(StringComparer.Ordinal);
        long textBytes = 0;
        while (await NextSectionAsync(reader, cancellationToken) is { } section)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) || !disposition.DispositionType.Equals("form-data"))
            {
                throw ApiProblemException.BadRequest("body", "every part of a multipart/form-data body needs a Content-Disposition: form-data header");
            }

            var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
            if (!values.TryGetValue(name, out var list))
            {
                if (values.Count == options.MaxInputs)
                {
                    throw ApiProblemException.TooLarge("inputs", $"more than {options.MaxInputs} inputs were sent; at most {options.MaxInputs} are accepted");
                }

                values[name] = list = [];
            }

            if (disposition.IsFileDisposition())
            {
                var fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value ?? name;
                list.Add(files is null
                    ? throw ApiProblemException.Unprocessable(name, $"'{name}' was sent as a file part, but this request takes no files")
                    : await files.StoreAsync(name, fileName, new MultipartPartStream(section.Body), cancellationToken));
            }
            else
            {
                var text = await ReadTextAsync(new MultipartPartStream(section.Body), name, options.MaxBodyBytes - textBytes, options.MaxBodyBytes, cancellationToken);
                textBytes += Encoding.UTF8.GetByteCount(text);
                list.Add(text);
            }
        }

        return values.ToDictionary(v => v.Key, v => v.Value.Count > 1 ? v.Value : v.Value[0]);
    }

    private static async Task<MultipartSection?> NextSectionAsync(MultipartReader reader, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.ReadNextSectionAsync(cancellationToken);
        }
        catch (Exception e) when (e is IOException or InvalidDataException && e is not BadHttpRequestException)
        {
            throw Malformed(e);
        }
    }

    public static ApiProblemException Malformed(Exception e) =>
        ApiProblemException.BadRequest("body", $"the multipart/form-data body is malformed: {e.Message.Trim()}");

    /// <summary>A text part, up to what is left of the form's text budget (MaxBodyBytes for all text fields together).</summary>
    private static async Task<string> ReadTextAsync(Stream body, string field, long budget, int maxBytes, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > budget)
            {
                throw ApiProblemException.TooLarge("inputs", $"the text fields of the form are larger than the limit of {maxBytes} bytes (Api:MaxBodyBytes)");
            }

            buffer.Write(chunk, 0, read);
        }

        return BodyText.Decode(buffer, field);
    }

    private static async Task<Dictionary<string, object?>> ReadFormAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(cancellationToken);
        }
        catch (InvalidDataException e)
        {
            throw ApiProblemException.TooLarge("inputs", $"the form exceeds a limit: {e.Message}");
        }

        return form.ToDictionary(f => f.Key, f => f.Value.Count > 1 ? (object?)f.Value.Select(v => (object?)v).ToList() : f.Value.ToString());
    }

    private static async Task<Dictionary<string, object?>> ReadJsonAsync(HttpRequest request, ApiOptions options, CancellationToken cancellationToken)
    {
        var text = await BodyText.ReadAsync(request, options.MaxBodyBytes, cancellationToken);
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? Inputs(document.RootElement)
                : throw ApiProblemException.BadRequest("body", $"inputs are a JSON object of input id to value, not a JSON {document.RootElement.ValueKind.ToString().ToLowerInvariant()}");
        }
        catch (JsonException e)
        {
            throw ApiProblemException.BadRequest("body", $"the body is not valid JSON: {e.Message}");
        }
    }

    /// <summary>One input per property; an input or a key given twice is refused rather than one of the two kept.</summary>
    private static Dictionary<string, object?> Inputs(JsonElement body)
    {
        var inputs = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in body.EnumerateObject())
        {
            var value = property.Value.ValueKind == JsonValueKind.Number ? Number(property.Value) : Plain(property.Value, property.Name);
            if (!inputs.TryAdd(property.Name, value))
            {
                throw ApiProblemException.BadRequest(property.Name, $"input '{property.Name}' is given twice");
            }
        }

        return inputs;
    }

    /// <summary>An input's number; one no long holds as a whole number (1e20), or no double at all (1e400), stays its text for the input's type to read or refuse.</summary>
    private static object Number(JsonElement value) =>
        value.TryGetInt64(out var whole) ? whole
        : value.TryGetDouble(out var number) && !(double.IsInteger(number) && (number < long.MinValue || number > long.MaxValue)) ? number
        : value.GetRawText();

    private static object? Plain(JsonElement value, string input) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.TryGetInt64(out var l) ? l : value.TryGetDouble(out var d) ? d : value.GetRawText(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Array => value.EnumerateArray().Select(v => Plain(v, input)).ToList(),
        JsonValueKind.Object => Object(value, input),
        _ => null,
    };

    private static Dictionary<string, object?> Object(JsonElement value, string input)
    {
        var map = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in value.EnumerateObject())
        {
            if (!map.TryAdd(property.Name, Plain(property.Value, input)))
            {
                throw ApiProblemException.BadRequest(input, $"input '{input}' has the key '{property.Name}' twice");
            }
        }

        return map;
    }

    private static bool IsMultipart(HttpRequest request, out string boundary)
    {
        boundary = "";
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type) || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        boundary = HeaderUtilities.RemoveQuotes(type.Boundary).Value ?? "";
        return boundary.Length > 0 ? true : throw ApiProblemException.BadRequest("Content-Type", "a multipart/form-data body needs a boundary in its Content-Type");
    }

    private static bool IsJson(HttpRequest request) =>
        request.ContentType?.Split(';')[0].Trim().EndsWith("json", StringComparison.OrdinalIgnoreCase) == true;

    private static bool HasBody(HttpRequest request) =>
        request.ContentLength > 0 || request.ContentLength is null && request.Headers.TransferEncoding.Count > 0;
}
