using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using Kite.Api.Live;
using Kite.Api.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kite.Api.Executions;

/// <summary>
/// <c>GET /executions/{id}/follow</c> as Kestra serves it: Server-Sent Events whose ids are <c>start</c> (the
/// execution as it is), <c>progress</c> (each change) and <c>end</c> (its terminal state), after which the stream closes.
/// </summary>
public static class ExecutionEvents
{
    public static async Task<Results<ServerSentEventsResult<ExecutionResponse>, ProblemHttpResult>> Follow(
        string id, ExecutionFollower follower, CancellationToken cancellationToken)
    {
        var follow = await follower.FollowAsync(id, cancellationToken);
        return follow is null
            ? Problem.NotFound($"execution '{id}' does not exist")
            : TypedResults.ServerSentEvents(Events(follow, cancellationToken));
    }

    private static async IAsyncEnumerable<SseItem<ExecutionResponse>> Events(ExecutionFollow follow, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using (follow)
        {
            yield return Item(follow.Current!, "start");
            while (await follow.NextChangeAsync(cancellationToken))
            {
                if (!follow.Ended)
                {
                    yield return Item(follow.Current!, "progress");
                }
            }

            if (follow.Current is { } last && !follow.Dropped)
            {
                yield return Item(last, "end");
            }
        }
    }

    private static SseItem<ExecutionResponse> Item(ExecutionResponse execution, string id) => new(execution) { EventId = id };
}
