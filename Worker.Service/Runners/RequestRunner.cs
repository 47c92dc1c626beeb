using System.Text;
using Kite.Core.Executions;
using Kite.Core.Tasks.Http;
using Kite.Worker.Http;
using Kite.Worker.Jobs;

namespace Kite.Worker.Runners;

/// <summary>One HTTP call; outputs <c>uri</c>, <c>code</c>, <c>headers</c> and <c>body</c> (text, at most <c>options.maxContentLength</c>).</summary>
public sealed class RequestRunner(HttpCallClient http) : TaskRunner<Request>
{
    protected override async Task<Dictionary<string, object?>?> RunAsync(Request task, TaskRunContext context, CancellationToken cancellationToken)
    {
        var options = HttpCallOptions.From(task.Options, context);
        using var response = await http.SendAsync(task, options, context, cancellationToken);
        var body = await HttpCallClient.ReadBodyAsync(response, options, (stream, token) => ReadTextAsync(stream, response, options.MaxContentLength, token), cancellationToken);

        return new()
        {
            ["uri"] = response.RequestMessage?.RequestUri?.ToString(),
            ["code"] = (long)response.StatusCode,
            ["headers"] = HttpCallClient.Headers(response),
            ["body"] = body,
        };
    }

    private static async Task<string> ReadTextAsync(Stream stream, HttpResponseMessage response, long maxLength, CancellationToken cancellationToken)
    {
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > maxLength)
            {
                throw new TaskFailedException($"the response body is larger than {maxLength:N0} bytes (options.maxContentLength); use http.Download for large bodies");
            }
        }

        var charset = response.Content.Headers.ContentType?.CharSet;
        var encoding = charset is null ? Encoding.UTF8 : Encoding.GetEncoding(charset.Trim('"'));
        return encoding.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
