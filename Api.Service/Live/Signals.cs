using System.Threading.Channels;

namespace Kite.Api.Live;

/// <summary>Waiting on fan-out subscriptions used as wake-up signals, where what matters is that something arrived, not what.</summary>
public static class Signals
{
    /// <summary>
    /// Returns once either reader has messages (draining both, so a burst is one wake-up) or <paramref name="recheck"/>
    /// passes; false when the client fell behind and was dropped.
    /// </summary>
    public static async Task<bool> WaitAsync<TFirst, TSecond>(ChannelReader<TFirst> first, ChannelReader<TSecond> second, TimeSpan recheck, CancellationToken cancellationToken)
    {
        using var silence = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        silence.CancelAfter(recheck);
        try
        {
            await Task.WhenAny(first.WaitToReadAsync(silence.Token).AsTask(), second.WaitToReadAsync(silence.Token).AsTask());
            await silence.CancelAsync();
            while (first.TryRead(out _) || second.TryRead(out _))
            {
            }

            return !IsDropped(first.Completion) && !IsDropped(second.Completion);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return true;
        }
    }

    private static bool IsDropped(Task completion) => completion.IsFaulted;
}
