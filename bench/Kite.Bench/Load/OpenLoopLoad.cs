using System.Diagnostics;

namespace Kite.Bench.Load;

/// <summary>
/// Sends request i at t0 + i / rate whether or not earlier ones have answered, so a suite that falls behind shows it
/// as latency instead of slowing the sender down (no coordinated omission). The first <c>warmUp</c> of requests is
/// sent the same way but not measured.
/// </summary>
internal static class OpenLoopLoad
{
    public static async Task<IReadOnlyList<SentExecution>> RunAsync(
        double perSecond, TimeSpan warmUp, TimeSpan duration, Func<int, Task<string?>> send, Action<double> progress, CancellationToken cancellationToken)
    {
        var total = (int)Math.Round((warmUp + duration).TotalSeconds * perSecond);
        var sent = new Task<SentExecution>[total];
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < total; i++)
        {
            var due = TimeSpan.FromSeconds(i / perSecond);
            var wait = due - clock.Elapsed;
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait, cancellationToken);
            }

            sent[i] = SendOneAsync(send, i, due >= warmUp);
            if (i % 16 == 0)
            {
                progress((double)i / total);
            }
        }

        progress(1);
        return await Task.WhenAll(sent);
    }

    private static async Task<SentExecution> SendOneAsync(Func<int, Task<string?>> send, int index, bool measured)
    {
        await Task.Yield();
        var start = Stopwatch.GetTimestamp();
        string? id;
        try
        {
            id = await send(index);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            id = null;
        }

        return new SentExecution(measured, id, Stopwatch.GetElapsedTime(start).TotalMilliseconds);
    }
}
