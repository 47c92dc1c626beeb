using Kite.Data.Logs;
using Kite.Messaging.Contracts;
using MassTransit;

namespace Microsoft.Extensions.Hosting;

/// <summary>Announces committed log lines on the bus, where each Api replica's one consumer hands them to its log followers.</summary>
public sealed class LogsWrittenPublisher(IBus bus) : ILogsWrittenListener
{
    public Task WrittenAsync(IReadOnlyList<string> executionIds, CancellationToken cancellationToken) =>
        executionIds.Count == 0 ? Task.CompletedTask : bus.Publish(new LogsWritten(executionIds), cancellationToken);
}
