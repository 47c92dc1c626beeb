using Kite.Data.Executions;
using Kite.Messaging;
using Kite.Messaging.Contracts;
using MassTransit;
using Npgsql;

namespace Kite.Scheduler.Executions;

/// <summary>
/// After the transaction that wrote executions commits: tells the executor, then drops their outbox rows. A failure
/// here loses nothing: the rows stay and the executor's outbox sweeper sends them.
/// </summary>
public sealed class ExecutionStarter(IPublishEndpoint bus, NpgsqlDataSource database, ILogger<ExecutionStarter> logger)
{
    public async Task StartAsync(IReadOnlyList<(string ExecutionId, long OutboxId)> written, CancellationToken cancellationToken)
    {
        if (written.Count == 0)
        {
            return;
        }

        try
        {
            await Task.WhenAll(written.Select(w => BusDeadline.WithinAsync(token => bus.Publish(new ExecutionCreated(w.ExecutionId), token), cancellationToken)));
            await CreatedExecutionWriter.DeleteOutboxAsync(database, [.. written.Select(w => w.OutboxId)], cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "{Count} execution(s) are committed but their start was not sent; the executor's outbox sweeper will send it", written.Count);
        }
    }
}
