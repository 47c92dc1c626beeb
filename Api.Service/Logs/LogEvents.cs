using System.Globalization;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using Kite.Api.Executions;
using Kite.Api.Live;
using Kite.Api.Problems;
using Kite.Api.Routing;
using Kite.Core.Executions;
using Kite.Messaging.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Kite.Api.Logs;

/// <summary>
/// <c>GET /logs/{executionId}/follow</c>: the execution's lines so far, then each new one as the replica hears of it
/// (LogsWritten from workers, ExecutionChanged for the executor's own lines), one SSE event per line whose id is the
/// line's id, so a client reconnecting with <c>Last-Event-ID</c> resumes where it was. Closes once the execution has
/// ended and its last lines are sent (workers flush their lines before reporting a task's end).
/// </summary>
public static class LogEvents
{
    private const int ReadLimit = 500;

    public static async Task<Results<ServerSentEventsResult<LogEntry>, ProblemHttpResult>> Follow(
        string executionId,
        HttpRequest request,
        FanOut<LogsWritten> logs,
        FanOut<ExecutionChanged> changes,
        LiveListener listener,
        LogStore store,
        ExecutionStore executions,
        IOptions<ApiOptions> options,
        CancellationToken cancellationToken)
    {
        var query = ExecutionLogQuery.From(executionId, request.Query);
        var after = long.TryParse(request.Headers["Last-Event-ID"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var last) ? last : 0;
        var listening = await listener.FollowAsync(cancellationToken);
        var written = logs.Subscribe(executionId);
        var changed = changes.Subscribe(executionId);
        string? state;
        try
        {
            state = await executions.StateAsync(executionId, cancellationToken);
        }
        catch
        {
            written.Dispose();
            changed.Dispose();
            listening.Dispose();
            throw;
        }

        if (state is null)
        {
            written.Dispose();
            changed.Dispose();
            listening.Dispose();
            return Problem.NotFound($"execution '{executionId}' does not exist");
        }

        var recheck = TimeSpan.FromSeconds(options.Value.FollowRecheckSeconds);
        return TypedResults.ServerSentEvents(Lines(executionId, query, after, listening, written, changed, store, executions, recheck, cancellationToken));
    }

    private static async IAsyncEnumerable<SseItem<LogEntry>> Lines(
        string executionId,
        ExecutionLogQuery query,
        long after,
        IDisposable listening,
        Subscription<LogsWritten> written,
        Subscription<ExecutionChanged> changed,
        LogStore store,
        ExecutionStore executions,
        TimeSpan recheck,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using (listening)
        using (written)
        using (changed)
        {
            while (true)
            {
                // The state is read before the lines: once it is terminal, every line is already committed.
                var state = await executions.StateAsync(executionId, cancellationToken);
                List<(long Id, LogEntry Entry)> lines;
                do
                {
                    lines = await store.OfExecutionAsync(query, after, ReadLimit, cancellationToken);
                    foreach (var (id, entry) in lines)
                    {
                        after = id;
                        yield return new SseItem<LogEntry>(entry) { EventId = id.ToString(CultureInfo.InvariantCulture) };
                    }
                }
                while (lines.Count == ReadLimit);

                if (state is null || StateExtensions.ParseKestraName(state).IsTerminated() ||
                    !await Signals.WaitAsync(written.Reader, changed.Reader, recheck, cancellationToken))
                {
                    yield break;
                }
            }
        }
    }
}
