using System.Text.Json;
using Kite.Api.Problems;
using Kite.Api.Routing;

namespace Kite.Api.Executions;

/// <summary>
/// The inputs sent with a new execution, as Kestra accepts them: a <c>multipart/form-data</c> (or url-encoded) form
/// with one field per input, or a JSON object. Values stay raw here; Core's InputResolver types them.
/// </summary>
public static class SubmittedInputs
{
    public static async Task<Dictionary<string, object?>> ReadAsync(HttpRequest request, ApiOptions options, CancellationToken cancellationToken)
    {
        var inputs = request.HasFormContentType ? await ReadFormAsync(request, cancellationToken)
            : IsJson(request) ? await ReadJsonAsync(request, options, cancellationToken)
            : HasBody(request) ? throw ApiProblemException.UnsupportedMediaType($"inputs are sent as multipart/form-data or application/json, not {request.ContentType}")
            : [];
        return inputs.Count > options.MaxInputs
            ? throw ApiProblemException.TooLarge("inputs", $"{inputs.Count} inputs were sent; at most {options.MaxInputs} are accepted")
            : inputs;
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

        if (form.Files.Count > 0)
        {
            var file = form.Files[0];
            throw new ApiProblemException(StatusCodes.Status422UnprocessableEntity, file.Name,
                $"input '{file.Name}' was sent as a file part; file uploads are not stored yet, pass a file URI (kestra:///...) as a text field instead");
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
                ? document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => Plain(p.Value))
                : throw ApiProblemException.BadRequest("body", $"inputs are a JSON object of input id to value, not a JSON {document.RootElement.ValueKind.ToString().ToLowerInvariant()}");
        }
        catch (JsonException e)
        {
            throw ApiProblemException.BadRequest("body", $"the body is not valid JSON: {e.Message}");
        }
    }

    private static object? Plain(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.TryGetInt64(out var l) ? l : value.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Array => value.EnumerateArray().Select(Plain).ToList(),
        JsonValueKind.Object => value.EnumerateObject().ToDictionary(p => p.Name, p => Plain(p.Value)),
        _ => null,
    };

    private static bool IsJson(HttpRequest request) =>
        request.ContentType?.Split(';')[0].Trim().EndsWith("json", StringComparison.OrdinalIgnoreCase) == true;

    private static bool HasBody(HttpRequest request) =>
        request.ContentLength > 0 || request.ContentLength is null && request.Headers.TransferEncoding.Count > 0;
}
