using System.Threading.Channels;
using Kite.Scheduler.Evaluation;

namespace Kite.Scheduler.Polling;

/// <summary>Polling triggers claimed by the evaluation loop, waiting for <see cref="PollingRunner"/>; the loop never waits on them.</summary>
public sealed class PollingQueue
{
    private readonly Channel<DueTrigger> channel = Channel.CreateUnbounded<DueTrigger>(new UnboundedChannelOptions { SingleWriter = false });

    public void Enqueue(DueTrigger trigger) => channel.Writer.TryWrite(trigger);

    public IAsyncEnumerable<DueTrigger> ReadAllAsync(CancellationToken cancellationToken) => channel.Reader.ReadAllAsync(cancellationToken);
}
