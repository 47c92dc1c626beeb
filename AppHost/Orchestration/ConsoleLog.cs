using System.Threading.Channels;
using Kite.Hosting.Processes;

namespace Kite.AppHost.Orchestration;

/// <summary>The last lines a replica wrote (a bounded ring), and live subscribers for the dashboard's stream.</summary>
public sealed class ConsoleLog(int capacity = 5000)
{
    private readonly Lock gate = new();
    private readonly Queue<LogLine> lines = new();
    private readonly List<Channel<LogLine>> subscribers = [];

    public void Write(LogLine line)
    {
        lock (gate)
        {
            if (lines.Count == capacity)
            {
                lines.Dequeue();
            }

            lines.Enqueue(line);
            foreach (var subscriber in subscribers)
            {
                subscriber.Writer.TryWrite(line);
            }
        }
    }

    public void Note(string text) => Write(new LogLine(DateTimeOffset.UtcNow, "[apphost] " + text, IsError: false));

    public IReadOnlyList<LogLine> Snapshot()
    {
        lock (gate)
        {
            return [.. lines];
        }
    }

    /// <summary>The lines so far, then every new line until <paramref name="cancellationToken"/> fires.</summary>
    public async IAsyncEnumerable<LogLine> FollowAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = Channel.CreateBounded<LogLine>(new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.DropOldest });
        LogLine[] backlog;
        lock (gate)
        {
            backlog = [.. lines];
            subscribers.Add(channel);
        }

        try
        {
            foreach (var line in backlog)
            {
                yield return line;
            }

            await foreach (var line in channel.Reader.ReadAllAsync(cancellationToken))
            {
                yield return line;
            }
        }
        finally
        {
            lock (gate)
            {
                subscribers.Remove(channel);
            }
        }
    }
}
