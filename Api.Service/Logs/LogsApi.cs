using System.Globalization;
using System.Text;
using Kite.Api.Executions;
using Kite.Api.Paging;
using Kite.Api.Problems;
using Kite.Api.Routing;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kite.Api.Logs;

/// <summary>Kestra's log routes: by execution (filtered, as text, followed live), search, and delete.</summary>
public static class LogsApi
{
    private const int MaxLines = 10_000;

    public static IEndpointRouteBuilder MapLogsApi(this IEndpointRouteBuilder app) => app.MapTenantAliased(api =>
    {
        var logs = api.MapGroup("/logs").WithTags("Logs");
        logs.MapGet("/search", Search);
        logs.MapGet("/{executionId}", OfExecution);
        logs.MapGet("/{executionId}/download", Download);
        logs.MapGet("/{executionId}/follow", LogEvents.Follow);
        logs.MapDelete("/{executionId}", DeleteOfExecution);
        logs.MapDelete("/{namespace}/{flowId}", DeleteOfFlow);
    });

    public static async Task<Results<Ok<List<LogEntry>>, ProblemHttpResult>> OfExecution(
        string executionId, HttpRequest request, LogStore logs, ExecutionStore executions, CancellationToken cancellationToken)
    {
        var query = ExecutionLogQuery.From(executionId, request.Query);
        if (await executions.StateAsync(executionId, cancellationToken) is null)
        {
            return Problem.NotFound($"execution '{executionId}' does not exist");
        }

        var lines = await logs.OfExecutionAsync(query, 0, MaxLines, cancellationToken);
        return TypedResults.Ok(lines.Select(l => l.Entry).ToList());
    }

    /// <summary>The execution's lines as text, one per line, streamed a batch at a time.</summary>
    public static async Task<Results<PushStreamHttpResult, ProblemHttpResult>> Download(
        string executionId, HttpRequest request, LogStore logs, ExecutionStore executions, CancellationToken cancellationToken)
    {
        var query = ExecutionLogQuery.From(executionId, request.Query);
        if (await executions.StateAsync(executionId, cancellationToken) is null)
        {
            return Problem.NotFound($"execution '{executionId}' does not exist");
        }

        return TypedResults.Stream(
            async body =>
            {
                await using var writer = new StreamWriter(body, new UTF8Encoding(false));
                long after = 0;
                List<(long Id, LogEntry Entry)> lines;
                do
                {
                    lines = await logs.OfExecutionAsync(query, after, 1000, cancellationToken);
                    foreach (var (id, line) in lines)
                    {
                        after = id;
                        await writer.WriteLineAsync(Text(line));
                    }
                }
                while (lines.Count == 1000);
            },
            "text/plain; charset=utf-8",
            $"{executionId}.log");
    }

    public static async Task<Ok<PagedResults<LogEntry>>> Search(HttpRequest request, LogStore logs, CancellationToken cancellationToken)
    {
        var (page, total) = await logs.SearchAsync(LogSearchQuery.From(request.Query), cancellationToken);
        return TypedResults.Ok(new PagedResults<LogEntry>(page, total));
    }

    public static async Task<NoContent> DeleteOfExecution(string executionId, LogStore logs, CancellationToken cancellationToken)
    {
        await logs.DeleteAsync(executionId, null, null, cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<NoContent> DeleteOfFlow(string @namespace, string flowId, LogStore logs, CancellationToken cancellationToken)
    {
        await logs.DeleteAsync(null, @namespace, flowId, cancellationToken);
        return TypedResults.NoContent();
    }

    private static string Text(LogEntry line) => string.Create(CultureInfo.InvariantCulture,
        $"{line.Timestamp:yyyy-MM-dd'T'HH:mm:ss.fff'Z'} {line.Level,-5} {(line.TaskId is null ? "" : $"[{line.TaskId}] ")}{line.Message}");
}
