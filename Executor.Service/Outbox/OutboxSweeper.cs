using Kite.Data;
using Kite.Data.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kite.Executor.Outbox;

/// <summary>
/// Sends what an executor that died between a step's commit and its sends left in the outbox: rows older than
/// <see cref="ExecutorOptions.OutboxRetryAfter"/>, claimed with SKIP LOCKED so replicas never send a row twice at once.
/// </summary>
public sealed class OutboxSweeper(IServiceScopeFactory scopes, IOptions<ExecutorOptions> options, TimeProvider clock, ILogger<OutboxSweeper> logger) : BackgroundService
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
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var rows = await OutboxClaim.OlderThanAsync(db, threshold, 500, cancellationToken);
        if (rows.Count > 0)
        {
            logger.LogWarning("Sending {Count} outbox message(s) a step committed but did not send", rows.Count);
            await scope.ServiceProvider.GetRequiredService<OutboxSender>().SendAsync(db, rows, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
