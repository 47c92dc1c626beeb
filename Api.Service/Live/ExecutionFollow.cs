using System.Text.Json;
using Kite.Api.Executions;
using Kite.Core.Executions;
using Kite.Messaging.Contracts;

namespace Kite.Api.Live;

/// <summary>
/// One client following one execution: a subscription to the replica's fan-out (and its share of the replica's
/// listening, <see cref="LiveListener"/>), and the execution as last read.
/// The row is read again only when the replica hears of a change (a burst of changes is one read), or, as a safety
/// net for a notification lost while the broker reconnected, after <c>recheck</c> of silence.
/// </summary>
public sealed class ExecutionFollow(string id, FanOut<ExecutionChanged> changes, IDisposable listening, ExecutionStore executions, TimeSpan recheck, bool keepUp) : IDisposable
{
    private Subscription<ExecutionChanged> subscription = changes.Subscribe(id);
    private string? lastJson;

    /// <summary>The execution as last read; null when it does not exist (or was deleted).</summary>
    public ExecutionResponse? Current { get; private set; }

    /// <summary>True when there is nothing more to follow: the execution ended, vanished, or this client fell behind.</summary>
    public bool Ended => Dropped || Current is null || StateExtensions.ParseKestraName(Current.State.Current).IsTerminated();

    /// <summary>True when this client fell too far behind and the fan-out dropped it.</summary>
    public bool Dropped { get; private set; }

    /// <summary>Reads the row now; true when it differs from the last read.</summary>
    public async Task<bool> ReadAsync(CancellationToken cancellationToken)
    {
        Current = await executions.GetAsync(id, cancellationToken);
        var json = Current is null ? null : JsonSerializer.Serialize(Current, JsonSerializerOptions.Web);
        var changed = json != lastJson;
        lastJson = json;
        return changed;
    }

    /// <summary>Waits for the next change that shows in the row; false when following has ended instead.</summary>
    public async Task<bool> NextChangeAsync(CancellationToken cancellationToken)
    {
        while (!Ended)
        {
            await WaitForNotificationAsync(cancellationToken);
            if (Dropped)
            {
                return false;
            }

            if (await ReadAsync(cancellationToken))
            {
                return true;
            }
        }

        return false;
    }

    private async Task WaitForNotificationAsync(CancellationToken cancellationToken)
    {
        using var silence = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        silence.CancelAfter(recheck);
        try
        {
            await subscription.Reader.WaitToReadAsync(silence.Token);
            while (subscription.Reader.TryRead(out _))
            {
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Silence for a whole recheck interval: read the row anyway.
        }
        catch (SlowSubscriberException) when (keepUp)
        {
            // A waiting request only needs the end: subscribe again and read what the row says now.
            subscription.Dispose();
            subscription = changes.Subscribe(id);
        }
        catch (SlowSubscriberException)
        {
            Dropped = true;
        }
    }

    public void Dispose()
    {
        subscription.Dispose();
        listening.Dispose();
    }
}
