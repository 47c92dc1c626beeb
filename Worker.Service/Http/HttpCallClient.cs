using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Kite.Core.Executions;
using Kite.Core.Executions.Context;
using Kite.Core.Tasks.Http;
using Kite.Core.Values;
using Kite.Data.Storage;
using Kite.Worker.Jobs;

namespace Kite.Worker.Http;

/// <summary>
/// Sends the request an HTTP task describes and returns the response with its headers read; the caller reads the body.
/// The clients come from <see cref="IHttpClientFactory"/> without the suite's resilience handler: a task's call is
/// made once, as written, and retried only by the task's own <c>retry</c>.
/// </summary>
public sealed class HttpCallClient(IHttpClientFactory clients)
{
    public const string Following = "kite-http-task";
    public const string NotFollowing = "kite-http-task-no-redirect";

    public async Task<HttpResponseMessage> SendAsync(HttpCall task, HttpCallOptions options, TaskRunContext context, CancellationToken cancellationToken)
    {
        if (task.EncryptBody)
        {
            throw new TaskFailedException("encryptBody is not supported: Kite has no encryption key for task outputs yet");
        }

        using var request = await BuildAsync(task, options, context, cancellationToken);
        var client = clients.CreateClient(options.FollowRedirects ? Following : NotFollowing);
        using var headersDeadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (options.ConnectTimeout is { } connect)
        {
            headersDeadline.CancelAfter(connect);
        }

        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, headersDeadline.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TaskFailedException($"{request.Method} {request.RequestUri} got no response within {options.ConnectTimeout} (options.connectTimeout)");
        }
        catch (HttpRequestException ex)
        {
            throw new TaskFailedException($"{request.Method} {request.RequestUri} failed: {ex.Message}");
        }

        if ((int)response.StatusCode >= 400 && !options.AllowFailed)
        {
            var code = (int)response.StatusCode;
            response.Dispose();
            throw new TaskFailedException($"{request.Method} {request.RequestUri} answered {code.ToString(CultureInfo.InvariantCulture)} {response.ReasonPhrase} (set options.allowFailed to accept it)");
        }

        return response;
    }

    /// <summary>Reads the response body with <paramref name="read"/>, within <c>options.readTimeout</c> when it is set.</summary>
    public static async Task<T> ReadBodyAsync<T>(HttpResponseMessage response, HttpCallOptions options, Func<Stream, CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        using var reading = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (options.ReadTimeout is { } timeout)
        {
            reading.CancelAfter(timeout);
        }

        try
        {
            await using var body = await response.Content.ReadAsStreamAsync(reading.Token);
            return await read(body, reading.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TaskFailedException($"the body of {response.RequestMessage?.RequestUri} was not read within {options.ReadTimeout} (options.readTimeout)");
        }
    }

    /// <summary>Response headers as Kestra outputs them: each name to the list of its values.</summary>
    public static Dictionary<string, object?> Headers(HttpResponseMessage response) =>
        response.Headers.Concat(response.Content.Headers)
            .ToDictionary(h => h.Key, h => (object?)h.Value.Cast<object?>().ToList(), StringComparer.OrdinalIgnoreCase);

    private static async Task<HttpRequestMessage> BuildAsync(HttpCall task, HttpCallOptions options, TaskRunContext context, CancellationToken cancellationToken)
    {
        var uri = new UriBuilder(Absolute(context.RenderText(task.Uri)));
        if (task.Params is { Count: > 0 } parameters)
        {
            var query = (ValueRenderer.Render(parameters, context.Render) as Dictionary<string, object?>)!
                .SelectMany(p => Values(p.Value).Select(v => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(v)}"));
            uri.Query = string.Join('&', new[] { uri.Query.TrimStart('?') }.Where(q => q.Length > 0).Concat(query));
        }

        var request = new HttpRequestMessage(new HttpMethod(context.RenderText(task.Method).ToUpperInvariant()), uri.Uri)
        {
            Content = await ContentAsync(task, context, cancellationToken),
        };
        foreach (var (name, value) in ValueRenderer.Render(task.Headers ?? [], context.Render) as Dictionary<string, object?> ?? [])
        {
            if (!request.Headers.TryAddWithoutValidation(name, Values(value)))
            {
                request.Content ??= new ByteArrayContent([]);
                request.Content.Headers.Remove(name);
                request.Content.Headers.TryAddWithoutValidation(name, Values(value));
            }
        }

        request.Headers.Authorization ??= Authorization(options.Auth);
        return request;
    }

    private static async Task<HttpContent?> ContentAsync(HttpCall task, TaskRunContext context, CancellationToken cancellationToken)
    {
        var contentType = task.ContentType is null ? null : context.RenderText(task.ContentType);
        if (task.FormData is { Count: > 0 } form)
        {
            var fields = (ValueRenderer.Render(form, context.Render) as Dictionary<string, object?>)!;
            if (contentType?.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase) != true)
            {
                return new FormUrlEncodedContent(fields.SelectMany(f => Values(f.Value).Select(v => KeyValuePair.Create(f.Key, v))));
            }

            var multipart = new MultipartFormDataContent();
            foreach (var (name, value) in fields)
            {
                // A kestra:// URI is sent as the file it names, as Kestra does.
                if (value is string text && StorageUri.TryParse(text, out var file, out _))
                {
                    var stream = await context.Storage.OpenAsync(file, cancellationToken) ?? throw new TaskFailedException($"formData.{name}: no file {text}");
                    multipart.Add(new StreamContent(stream), name, file.FileName);
                }
                else
                {
                    multipart.Add(new StringContent(Values(value).FirstOrDefault() ?? ""), name);
                }
            }

            return multipart;
        }

        if (task.Body is null)
        {
            return null;
        }

        var rendered = ValueRenderer.Render(task.Body, context.Render);
        var body = rendered as string ?? PlainJson.Write(rendered);
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType ?? "application/json");
        return content;
    }

    private static AuthenticationHeaderValue? Authorization(Dictionary<string, object?>? auth)
    {
        string? Text(string key) => auth?.GetValueOrDefault(key) is { } v ? Convert.ToString(v, CultureInfo.InvariantCulture) : null;
        return Text("type")?.ToUpperInvariant() switch
        {
            null => null,
            "BASIC" => new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Text("username")}:{Text("password")}"))),
            "BEARER" => new AuthenticationHeaderValue("Bearer", Text("token")),
            var other => throw new TaskFailedException($"options.auth.type '{other}' is not BASIC or BEARER"),
        };
    }

    private static Uri Absolute(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri
        : throw new TaskFailedException($"uri '{text}' is not an absolute http or https URL");

    private static IEnumerable<string> Values(object? value) => value switch
    {
        null => [],
        string s => [s],
        IEnumerable<object?> list => list.Select(PlainValues.ToText),
        _ => [PlainValues.ToText(value)],
    };
}
