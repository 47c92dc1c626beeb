using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Threading.Channels;

namespace Kite.Api.Live;

/// <summary>
/// The in-process half of live updates (seed 004): the replica's one bus consumer publishes each message here under
/// its execution id, and every SSE client of that execution reads it from its own bounded channel. Publishing never
/// waits: a client whose channel is full is dropped (its channel completes with <see cref="SlowSubscriberException"/>)
/// so one slow browser cannot hold back the consumer or the other clients.
/// </summary>
public sealed class FanOut<TMessage>(int capacity)
{
    private readonly ConcurrentDictionary<string, ImmutableList<Channel<TMessage>>> subscribers = new(StringComparer.Ordinal);

    /// <summary>How many keys have at least one subscriber.</summary>
    public int Keys => subscribers.Count;

    /// <summary>Starts receiving the messages published under <paramref name="key"/>; dispose to stop.</summary>
    public Subscription<TMessage> Subscribe(string key)
    {
        var channel = Channel.CreateBounded<TMessage>(new BoundedChannelOptions(capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
        subscribers.AddOrUpdate(key, _ => [channel], (_, list) => list.Add(channel));
        return new Subscription<TMessage>(channel.Reader, () => Remove(key, channel));
    }

    public void Publish(string key, TMessage message)
    {
        if (!subscribers.TryGetValue(key, out var channels))
        {
            return;
        }

        foreach (var channel in channels)
        {
            if (!channel.Writer.TryWrite(message))
            {
                channel.Writer.TryComplete(new SlowSubscriberException(key, capacity));
                Remove(key, channel);
            }
        }
    }

    private void Remove(string key, Channel<TMessage> channel)
    {
        while (subscribers.TryGetValue(key, out var channels))
        {
            var rest = channels.Remove(channel);
            if (ReferenceEquals(rest, channels))
            {
                return;
            }

            var replaced = rest.IsEmpty
                ? subscribers.TryRemove(new KeyValuePair<string, ImmutableList<Channel<TMessage>>>(key, channels))
                : subscribers.TryUpdate(key, rest, channels);
            if (replaced)
            {
                return;
            }
        }
    }
}
