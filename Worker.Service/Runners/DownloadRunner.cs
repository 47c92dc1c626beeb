using System.Text.RegularExpressions;
using Kite.Core.Executions;
using Kite.Core.Tasks.Http;
using Kite.Worker.Http;
using Kite.Worker.Jobs;

namespace Kite.Worker.Runners;

/// <summary>Streams a response body into internal storage; outputs <c>uri</c>, <c>code</c>, <c>length</c> and <c>headers</c>.</summary>
public sealed partial class DownloadRunner(HttpCallClient http) : TaskRunner<Download>
{
    protected override async Task<Dictionary<string, object?>?> RunAsync(Download task, TaskRunContext context, CancellationToken cancellationToken)
    {
        var options = HttpCallOptions.From(task.Options, context);
        using var response = await http.SendAsync(task, options, context, cancellationToken);
        var name = FileName(response);
        var file = await HttpCallClient.ReadBodyAsync(response, options, (body, token) => context.PutFileAsync(name, body, token), cancellationToken);

        if (file.Size == 0 && task.FailOnEmptyResponse)
        {
            await context.Storage.DeleteAsync(file.Uri, CancellationToken.None);
            throw new TaskFailedException($"{response.RequestMessage?.RequestUri} answered with an empty body (set failOnEmptyResponse: false to accept it)");
        }

        return new()
        {
            ["uri"] = file.Uri.ToString(),
            ["code"] = (long)response.StatusCode,
            ["length"] = file.Size,
            ["headers"] = HttpCallClient.Headers(response),
        };
    }

    /// <summary>The name the server gives (Content-Disposition), else the URL's last segment, made safe for a storage path.</summary>
    private static string FileName(HttpResponseMessage response)
    {
        var disposition = response.Content.Headers.ContentDisposition;
        var name = disposition?.FileNameStar ?? disposition?.FileName?.Trim('"')
            ?? Path.GetFileName(response.RequestMessage?.RequestUri?.AbsolutePath ?? "");
        name = Unsafe().Replace(name, "_");
        return name is "" or "." or ".." || name.All(c => c == '_') ? TaskRunContext.NewFileName("") : name;
    }

    [GeneratedRegex(@"[^A-Za-z0-9._-]")]
    private static partial Regex Unsafe();
}
