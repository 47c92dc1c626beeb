using Kite.Data;
using Kite.Data.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kite.Executor.Outbox;

/// <summary>
/// Sends what an executor that died between a step's commit and its sends left in the outbox: rows older than
/// <see cref="ExecutorOptions.OutboxRetryAfter"/>, claimed with SKIP LOCKED so replicas never send a row twice at once.
/// While there is none, a sweep is one read outside any transaction.
/// </summary>
public sealed class OutboxSweeper(IServiceScopeFactory scopes, SentOutboxRows sent, IOptions<ExecutorOptions> options, TimeProvider clock, ILogger<OutboxSweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(2), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Outbox sweep failed; retrying");
            }
        }
    }

    private async Task SweepAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KiteDbContext>();
        var threshold = clock.GetUtcNow() - options.Value.OutboxRetryAfter;
        if (!await db.Outbox.AnyAsync(r => r.CreatedAt < threshold, cancellationToken))
        {
            return;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var rows = await OutboxClaim.OlderThanAsync(db, threshold, 500, cancellationToken);
        // Rows this process sent and has not deleted yet are deleted without being sent again.
        var unsent = rows.Where(r => !sent.Contains(r.Id)).ToList();
        if (unsent.Count > 0)
        {
            logger.LogWarning("Sending {Count} outbox message(s) a step committed but did not send", unsent.Count);
        }

        if (rows.Count > 0 && await scope.ServiceProvider.GetRequiredService<OutboxSender>().TrySendAsync(unsent, cancellationToken))
        {
            var ids = rows.Select(r => r.Id).ToArray();
            await db.Outbox.Where(r => ids.Contains(r.Id)).ExecuteDeleteAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
