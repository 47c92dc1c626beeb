using Kite.Data.Logs;
using Kite.Messaging;
using Kite.Messaging.Contracts;
using MassTransit;

namespace Microsoft.Extensions.Hosting;

/// <summary>Announces committed log lines on the bus, where each Api replica's one consumer hands them to its log followers.</summary>
public sealed class LogsWrittenPublisher(IBus bus) : ILogsWrittenListener
{
    public async Task WrittenAsync(IReadOnlyList<string> executionIds, CancellationToken cancellationToken)
    {
        if (executionIds.Count == 0)
        {
            return;
        }

        try
        {
            await BusDeadline.WithinAsync(token => bus.Publish(new LogsWritten(executionIds), token), cancellationToken);
        }
        catch (TimeoutException)
        {
            // Only a wake-up for live followers: the lines are committed, and failing the job for it would run it again.
        }
    }
}
