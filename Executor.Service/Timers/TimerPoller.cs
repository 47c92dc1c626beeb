using System.Collections.Concurrent;
using Kite.Core.Executions;
using Kite.Core.Executions.Events;
using Kite.Executor.Steps;
using Microsoft.Extensions.Options;

namespace Kite.Executor.Timers;

/// <summary>
/// Fires due timers (retries, pause ends, loop checks) as steps of their executions. Between timers it sleeps: until
/// the next one is due, until a step of this process commits a sooner one (<see cref="TimerWakeUp"/>), or at most
/// <see cref="ExecutorOptions.TimerPollInterval"/>, when it reads again for timers another replica added or left.
/// Only when some timer is due does it claim, in a write transaction.
/// </summary>
public sealed class TimerPoller(
    IServiceScopeFactory scopes,
    ExecutionSteps steps,
    TimerWakeUp wakeUp,
    IOptions<ExecutorOptions> options,
    TimeProvider clock,
    ILogger<TimerPoller> logger) : BackgroundService
{
    private const int Batch = 200;
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var until = clock.GetUtcNow() + options.Value.TimerPollInterval;
            try
            {
                if (await FireDueAsync(stoppingToken) is { } next && next < until)
                {
                    until = next;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Firing due timers failed; trying again at the next poll");
            }

            await wakeUp.SleepUntilAsync(until, stoppingToken);
        }
    }

    /// <summary>Fires batches of due timers while there are some; returns when the next one is due.</summary>
    private async Task<DateTimeOffset?> FireDueAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var store = scope.ServiceProvider.GetRequiredService<TimerStore>();
            var now = clock.GetUtcNow();
            var outlook = await store.LookAsync(now, Lease, cancellationToken);
            // Claimed by another replica meanwhile: nothing left for this one until the next due date.
            if (!outlook.Due || await store.ClaimAsync(now, Lease, Batch, cancellationToken) is not { Count: > 0 } due)
            {
                return outlook.NextDue;
            }

            var fired = new ConcurrentBag<long>();
            try
            {
                await Task.WhenAll(due.Select(async timer =>
                {
                    await steps.RunAsync(timer.ExecutionId, [new TimerElapsed(timer.TaskRunId, Enum.Parse<TimerKind>(timer.Kind))]);
                    fired.Add(timer.Id);
                }));
            }
            finally
            {
                // A timer whose step failed stays claimed, and fires again when its lease runs out.
                await store.DeleteAsync(fired, cancellationToken);
            }
        }
    }
}
