using System.Collections.Concurrent;
using System.Diagnostics;

namespace Kite.EndToEnd.Tests.Fixtures;

/// <summary>
/// Starts executions of one flow at a fixed rate, each request on its own schedule whatever the previous ones take
/// (open loop), so a stalled suite sees the same arrivals a real client would send it.
/// </summary>
public sealed class OpenLoopLoad : IAsyncDisposable
{
    private readonly ConcurrentQueue<(string Id, DateTimeOffset RequestedAt)> accepted = new();
    private readonly ConcurrentBag<Task> requests = [];
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;
    private int refused;

    private OpenLoopLoad(SuiteApi api, string @namespace, string flowId, int perSecond)
    {
        PerSecond = perSecond;
        loop = Task.Run(async () =>
        {
            var clock = Stopwatch.StartNew();
            for (var i = 0L; !stop.IsCancellationRequested; i++)
            {
                var due = TimeSpan.FromSeconds((double)i / perSecond) - clock.Elapsed;
                if (due > TimeSpan.Zero)
                {
                    await Task.Delay(due);
                }

                requests.Add(StartOneAsync(api, @namespace, flowId));
            }
        });
    }

    public int PerSecond { get; }

    public int Refused => refused;

    /// <summary>The executions the Api accepted so far, with when each was asked for.</summary>
    public IReadOnlyList<(string Id, DateTimeOffset RequestedAt)> Accepted => [.. accepted];

    public static OpenLoopLoad Start(SuiteApi api, string @namespace, string flowId, int perSecond) => new(api, @namespace, flowId, perSecond);

    /// <summary>Stops sending and waits for the answers to the requests already sent.</summary>
    public async Task StopAsync()
    {
        await stop.CancelAsync();
        await loop;
        await Task.WhenAll(requests);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        stop.Dispose();
    }

    private async Task StartOneAsync(SuiteApi api, string @namespace, string flowId)
    {
        var requestedAt = DateTimeOffset.UtcNow;
        if (await api.TryStartAsync(@namespace, flowId) is { } id)
        {
            accepted.Enqueue((id, requestedAt));
        }
        else
        {
            Interlocked.Increment(ref refused);
        }
    }
}
