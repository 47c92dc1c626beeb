using Kite.Core.Executions.Events;
using Kite.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kite.Executor.Steps;

/// <summary>
/// Re-drives executions that stopped moving: CREATED ones whose ExecutionCreated was lost (the sender died between
/// its commit and its publish), and RUNNING ones with no task run left open (a step that should have followed a
/// result never ran). Both steps are idempotent, so a false alarm costs one look.
/// </summary>
public sealed class StaleExecutionSweeper(
    IServiceScopeFactory scopes,
    ExecutionSteps steps,
    IOptions<ExecutorOptions> options,
    TimeProvider clock,
    ILogger<StaleExecutionSweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var ticks = new PeriodicTimer(options.Value.SweepInterval, clock);
        while (await ticks.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Sweeping stale executions failed; trying again at the next tick");
            }
        }
    }

    private async Task SweepAsync(CancellationToken cancellationToken)
    {
        var before = clock.GetUtcNow() - options.Value.StaleAfter;
        List<string> created, idle;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KiteDbContext>();
            created = await db.Database.SqlQuery<string>(
                    $"""
                    SELECT id AS "Value" FROM executions
                    WHERE deleted = false AND state = 'CREATED' AND start_date < {before}
                      AND (schedule_date IS NULL OR schedule_date < {before}) LIMIT 500
                    """)
                .ToListAsync(cancellationToken);
            idle = await db.Database.SqlQuery<string>(
                    $"""
                    SELECT e.id AS "Value" FROM executions e
                    WHERE e.deleted = false AND e.state = 'RUNNING' AND e.start_date < {before}
                      AND NOT EXISTS (SELECT 1 FROM task_runs t WHERE t.execution_id = e.id
                                      AND t.state NOT IN ('SUCCESS', 'WARNING', 'FAILED', 'KILLED', 'CANCELLED', 'SKIPPED', 'RETRIED'))
                      AND NOT EXISTS (SELECT 1 FROM execution_timers x WHERE x.execution_id = e.id)
                    LIMIT 500
                    """)
                .ToListAsync(cancellationToken);
        }

        foreach (var id in created)
        {
            logger.LogWarning("Execution {ExecutionId} stayed CREATED; starting it", id);
            await steps.RunAsync(id, [new ExecutionStarted()]);
        }

        foreach (var id in idle)
        {
            logger.LogWarning("Execution {ExecutionId} is RUNNING with nothing open; resolving it again", id);
            await steps.RunAsync(id, [new Redriven()]);
        }
    }
}
