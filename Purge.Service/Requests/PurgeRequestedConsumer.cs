using System.Text.Json;
using Kite.Data;
using Kite.Data.Purges;
using Kite.Messaging.Contracts;
using Kite.Purge.Pacing;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Kite.Purge.Requests;

/// <summary>
/// Runs a purge the Api recorded. The row is the durable request and its progress; the message only wakes this
/// service, and is acked after the purge ends, so a purge whose service died is redelivered and resumed.
/// </summary>
public sealed class PurgeRequestedConsumer(
    KiteDbContext db,
    ExecutionPurger executions,
    LogPurger logs,
    PurgePacers pacers,
    ILogger<PurgeRequestedConsumer> logger) : IConsumer<PurgeRequested>
{
    public async Task Consume(ConsumeContext<PurgeRequested> context)
    {
        var id = context.Message.PurgeId;
        var purge = await db.Purges.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, context.CancellationToken);
        if (purge is null || purge.State == PurgeRuns.Success)
        {
            logger.LogInformation("Purge {PurgeId} is {State}; nothing to do", id, purge?.State ?? "unknown");
            return;
        }

        _ = purge.Kind switch
        {
            ExecutionPurger.Kind => await executions.RunAsync(id, Read<ExecutionPurgeRequest>(purge.Request), pacers.For(id, PurgePriority.Requested), context.CancellationToken),
            LogPurger.Kind => await logs.RunAsync(id, Read<LogPurgeRequest>(purge.Request), pacers.For(id, PurgePriority.Requested), context.CancellationToken),
            _ => throw new InvalidOperationException($"purge {id} is of unknown kind {purge.Kind}"),
        };
    }

    private static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json)
        ?? throw new InvalidOperationException($"purge request is not a {typeof(T).Name}: {json}");
}
