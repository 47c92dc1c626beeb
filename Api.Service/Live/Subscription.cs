using System.Threading.Channels;

namespace Kite.Api.Live;

/// <summary>One client's view of a <see cref="FanOut{TMessage}"/> key; disposing it unsubscribes.</summary>
public sealed class Subscription<TMessage>(ChannelReader<TMessage> reader, Action unsubscribe) : IDisposable
{
    private int disposed;

    public ChannelReader<TMessage> Reader { get; } = reader;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 0)
        {
            unsubscribe();
        }
    }
}
