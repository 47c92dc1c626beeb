using Kite.Data;
using Kite.Data.Records;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Kite.Executor.Outbox;

/// <summary>Sends committed outbox rows, then deletes them in one statement. A row that fails to send stays for the sweeper.</summary>
public sealed class OutboxSender(ISendEndpointProvider sendEndpoints, IPublishEndpoint publisher)
{
    public async Task SendAsync(KiteDbContext db, IReadOnlyList<OutboxMessageRecord> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }

        foreach (var row in rows)
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

        var ids = rows.Select(r => r.Id).ToArray();
        await db.Outbox.Where(r => ids.Contains(r.Id)).ExecuteDeleteAsync(cancellationToken);
    }
}
