using Kite.Core.Executions;
using Kite.Core.Executions.Events;
using Kite.Executor.Steps;
using Microsoft.Extensions.Options;

namespace Kite.Executor.Timers;

/// <summary>Fires due timers (retries, pause ends, loop checks) as steps of their executions.</summary>
public sealed class TimerPoller(
    IServiceScopeFactory scopes,
    ExecutionSteps steps,
    IOptions<ExecutorOptions> options,
    TimeProvider clock,
    ILogger<TimerPoller> logger) : BackgroundService
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var ticks = new PeriodicTimer(options.Value.TimerPollInterval, clock);
        while (await ticks.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                while (await FireDueAsync(stoppingToken) > 0)
                {
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Firing due timers failed; trying again at the next tick");
            }
        }
    }

    private async Task<int> FireDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<TimerStore>();
        var due = await store.ClaimAsync(clock.GetUtcNow(), Lease, 200, cancellationToken);
        await Task.WhenAll(due.Select(async timer =>
        {
            await steps.RunAsync(timer.ExecutionId, [new TimerElapsed(timer.TaskRunId, Enum.Parse<TimerKind>(timer.Kind))]);
            await using var own = scopes.CreateAsyncScope();
            await own.ServiceProvider.GetRequiredService<TimerStore>().DeleteAsync(timer.Id, cancellationToken);
        }));
        return due.Count;
    }
}
