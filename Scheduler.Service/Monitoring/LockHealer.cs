using System.Diagnostics;
using Kite.Core.Executions;
using Kite.Scheduler.Locks;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Kite.Scheduler.Monitoring;

/// <summary>
/// One tick of the monitoring loop: finds schedules locked by an execution that has ended, was deleted or does not
/// exist (an ExecutionChanged that never came, a crash, a manual delete) and releases them with a WARN and a metric,
/// instead of leaving the schedule silently stuck; the evaluation loop then recovers the missed slots. Polling
/// evaluations whose scheduler died are released too.
/// </summary>
public sealed class LockHealer(
    NpgsqlDataSource database,
    TriggerUnlocker unlocker,
    SchedulerMetrics metrics,
    IOptions<SchedulerOptions> options,
    TimeProvider clock,
    ILogger<LockHealer> logger)
{
    private static readonly string[] Terminated = [.. Enum.GetValues<State>().Where(s => s.IsTerminated()).Select(s => s.ToKestraName())];

    public async Task<int> TickAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var now = clock.GetUtcNow();
        var healed = 0;
        foreach (var stale in await StaleLocksAsync(now - options.Value.HealAfter, cancellationToken))
        {
            var reason = stale.State is null ? "missing" : stale.Deleted ? "deleted" : "terminated";
            var state = stale.State is { } name && !stale.Deleted ? StateExtensions.ParseKestraName(name) : (State?)null;
            var released = await unlocker.UnlockAsync(stale.ExecutionId, state, cancellationToken);
            foreach (var trigger in released)
            {
                logger.LogWarning("Trigger {Trigger} was locked for {Minutes:F1} min by execution {Execution}, which is {Reason}; released it",
                    trigger, (now - stale.LockedAt).TotalMinutes, stale.ExecutionId, reason);
                metrics.Healed(reason);
                healed++;
            }
        }

        healed += await ReleaseStuckPollingAsync(now - options.Value.PollingTimeout, cancellationToken);
        metrics.Loop("monitoring", Stopwatch.GetElapsedTime(started));
        return healed;
    }

    private async Task<List<(string ExecutionId, DateTimeOffset LockedAt, string? State, bool Deleted)>> StaleLocksAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(
            "SELECT t.execution_id, t.locked_at, e.state, COALESCE(e.deleted, false) FROM triggers t " +
            "LEFT JOIN executions e ON e.id = t.execution_id AND e.deleted IN (true, false) " +
            "WHERE t.execution_id IS NOT NULL AND t.locked_at < @cutoff AND (e.id IS NULL OR e.deleted OR e.state = ANY(@terminated))");
        command.Parameters.AddWithValue("cutoff", cutoff);
        command.Parameters.AddWithValue("terminated", Terminated);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var stale = new List<(string, DateTimeOffset, string?, bool)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            stale.Add((reader.GetString(0), reader.GetFieldValue<DateTimeOffset>(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetBoolean(3)));
        }

        return stale;
    }

    private async Task<int> ReleaseStuckPollingAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(
            "UPDATE triggers SET evaluate_running_date = NULL WHERE evaluate_running_date < @cutoff RETURNING namespace || '.' || flow_id || '.' || trigger_id");
        command.Parameters.AddWithValue("cutoff", cutoff);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var count = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            logger.LogWarning("Polling trigger {Trigger} did not report within {Timeout}; released it", reader.GetString(0), options.Value.PollingTimeout);
            metrics.Healed("polling");
            count++;
        }

        return count;
    }
}
