using Kite.Api.Executions;
using Kite.Api.Routing;
using Kite.Messaging.Contracts;
using Microsoft.Extensions.Options;

namespace Kite.Api.Live;

/// <summary>
/// Starts <see cref="ExecutionFollow"/>s: the replica listens (<see cref="LiveListener"/>) and the subscription exists
/// before the first read of the row, so no change falls between them.
/// </summary>
public sealed class ExecutionFollower(FanOut<ExecutionChanged> changes, LiveListener listener, ExecutionStore executions, IOptions<ApiOptions> options)
{
    /// <summary>Subscribes without reading: for an execution about to be created. Call <see cref="ExecutionFollow.ReadAsync"/> once it is.</summary>
    public async Task<ExecutionFollow> SubscribeAsync(string id, bool keepUp, CancellationToken cancellationToken)
    {
        var listening = await listener.FollowAsync(cancellationToken);
        return new(id, changes, listening, executions, TimeSpan.FromSeconds(options.Value.FollowRecheckSeconds), keepUp);
    }

    /// <summary>Subscribes, then reads the execution; null (and no subscription left behind) when it does not exist.</summary>
    public async Task<ExecutionFollow?> FollowAsync(string id, CancellationToken cancellationToken)
    {
        var follow = await SubscribeAsync(id, keepUp: false, cancellationToken);
        try
        {
            await follow.ReadAsync(cancellationToken);
        }
        catch
        {
            follow.Dispose();
            throw;
        }

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
        using var follow = await SubscribeAsync(id, keepUp: true, cancellationToken);
        await create();
        await follow.ReadAsync(cancellationToken);
        while (await follow.NextChangeAsync(cancellationToken))
        {
        }

        return follow.Current;
    }
}
