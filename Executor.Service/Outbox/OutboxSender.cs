using Kite.Data;
using Kite.Data.Records;
using Kite.Messaging;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Kite.Executor.Outbox;

/// <summary>
/// Sends committed outbox rows, then deletes them in one statement. Rows that fail to send, or whose broker
/// confirmation does not come within <see cref="BusDeadline"/>, stay for the sweeper.
/// </summary>
public sealed class OutboxSender(ISendEndpointProvider sendEndpoints, IPublishEndpoint publisher, ILogger<OutboxSender> logger)
{
    public async Task SendAsync(KiteDbContext db, IReadOnlyList<OutboxMessageRecord> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }

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
            return;
        }

        var ids = rows.Select(r => r.Id).ToArray();
        await db.Outbox.Where(r => ids.Contains(r.Id)).ExecuteDeleteAsync(cancellationToken);
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
