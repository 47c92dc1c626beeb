using Kite.Data.Records;
using Kite.Messaging;
using MassTransit;

namespace Kite.Executor.Outbox;

/// <summary>
/// Sends committed outbox rows. Rows that fail to send, or whose broker confirmation does not come within
/// <see cref="BusDeadline"/>, stay for the sweeper.
/// </summary>
public sealed class OutboxSender(ISendEndpointProvider sendEndpoints, IPublishEndpoint publisher, SentOutboxRows sent, ILogger<OutboxSender> logger)
{
    /// <summary>Sends a step's rows once it committed; they are deleted later, in a transaction that commits anyway (<see cref="SentOutboxRows"/>).</summary>
    public async Task SendAsync(IReadOnlyList<OutboxMessageRecord> rows, CancellationToken cancellationToken)
    {
        if (await TrySendAsync(rows, cancellationToken))
        {
            sent.Add(rows.Select(r => r.Id));
        }
    }

    /// <summary>Sends the rows in order; false when the broker did not confirm one within the deadline (none is deleted then).</summary>
    public async Task<bool> TrySendAsync(IReadOnlyList<OutboxMessageRecord> rows, CancellationToken cancellationToken)
    {
        try
        {
            foreach (var row in rows)
            {
                await BusDeadline.WithinAsync(token => SendAsync(row, token), cancellationToken);
            }
        }
        catch (TimeoutException e)
        {
            logger.LogWarning("{Count} outbox message(s) left for the sweeper: {Reason}", rows.Count, e.Message);
            return false;
        }

        return true;
    }

    private async Task SendAsync(OutboxMessageRecord row, CancellationToken cancellationToken)
    {
        var message = OutboxMessages.Read(row);
        if (row.Destination == OutboxMessages.Publish)
        {
            await publisher.Publish(message, message.GetType(), cancellationToken);
        }
        else
        {
            var endpoint = await sendEndpoints.GetSendEndpoint(new Uri(row.Destination));
            await endpoint.Send(message, message.GetType(), cancellationToken);
        }
    }
}
