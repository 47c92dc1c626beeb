using Kite.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kite.Executor.Outbox;

/// <summary>
/// Deletes the sent outbox rows that no step of this process deleted within <see cref="ExecutorOptions.OutboxDeleteAfter"/>
/// (the executor went quiet), many in one statement, and all of them when the executor stops. Registered before the
/// bus so that it stops after the last step has sent.
/// </summary>
public sealed class OutboxFlusher(SentOutboxRows sent, IServiceScopeFactory scopes, IOptions<ExecutorOptions> options, TimeProvider clock, ILogger<OutboxFlusher> logger) : BackgroundService
{
    private const int Batch = 5000;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var after = options.Value.OutboxDeleteAfter;
        using var ticks = new PeriodicTimer(after, clock);
        while (await ticks.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await DeleteAsync(after, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Deleting sent outbox rows failed; trying again");
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            while (sent.Count > 0 && await DeleteAsync(TimeSpan.Zero, cancellationToken) > 0)
            {
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "{Count} sent outbox row(s) left for the sweeper to send again", sent.Count);
        }
    }

    private async Task<int> DeleteAsync(TimeSpan age, CancellationToken cancellationToken)
    {
        var ids = sent.OlderThan(age, Batch);
        if (ids.Length == 0)
        {
            return 0;
        }

        // Waits for rows a step or the sweeper holds: once they commit, the row is gone or still here to delete.
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KiteDbContext>();
        await db.Database.ExecuteSqlAsync($"DELETE FROM outbox WHERE id = ANY({ids})", cancellationToken);
        sent.Forget(ids);
        return ids.Length;
    }
}
