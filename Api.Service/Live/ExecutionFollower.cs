using Kite.Api.Executions;
using Kite.Api.Routing;
using Kite.Messaging.Contracts;
using Microsoft.Extensions.Options;

namespace Kite.Api.Live;

/// <summary>Starts <see cref="ExecutionFollow"/>s: the subscription always exists before the first read of the row, so no change falls between them.</summary>
public sealed class ExecutionFollower(FanOut<ExecutionChanged> changes, ExecutionStore executions, IOptions<ApiOptions> options)
{
    /// <summary>Subscribes without reading: for an execution about to be created. Call <see cref="ExecutionFollow.ReadAsync"/> once it is.</summary>
    public ExecutionFollow Subscribe(string id, bool keepUp) =>
        new(id, changes, executions, TimeSpan.FromSeconds(options.Value.FollowRecheckSeconds), keepUp);

    /// <summary>Subscribes, then reads the execution; null (and no subscription left behind) when it does not exist.</summary>
    public async Task<ExecutionFollow?> FollowAsync(string id, CancellationToken cancellationToken)
    {
        var follow = Subscribe(id, keepUp: false);
        await follow.ReadAsync(cancellationToken);
        if (follow.Current is null)
        {
            follow.Dispose();
            return null;
        }

        return follow;
    }

    /// <summary>Subscribes, then runs <paramref name="create"/> and waits until the execution it made ends (or is deleted).</summary>
    public async Task<ExecutionResponse?> CreateAndWaitAsync(string id, Func<Task> create, CancellationToken cancellationToken)
    {
        using var follow = Subscribe(id, keepUp: true);
        await create();
        await follow.ReadAsync(cancellationToken);
        while (await follow.NextChangeAsync(cancellationToken))
        {
        }

        return follow.Current;
    }
}
