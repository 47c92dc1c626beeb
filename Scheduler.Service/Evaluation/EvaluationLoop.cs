using System.Diagnostics;
using Kite.Core.Triggers;
using Kite.Data.Executions;
using Kite.Data.Flows;
using Kite.Scheduler.Executions;
using Kite.Scheduler.Polling;
using Kite.Scheduler.Triggers;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace Kite.Scheduler.Evaluation;

/// <summary>
/// One tick of the evaluation loop: claims due triggers through the <c>ix_triggers_due</c> index with
/// <c>FOR UPDATE SKIP LOCKED</c> (so replicas split them and a slot is never claimed twice), evaluates them in
/// memory, and writes in the same transaction the executions they start and their next dates. It only evaluates:
/// watching locked triggers is the monitoring loop's, and http calls happen outside it (<see cref="PollingQueue"/>).
/// </summary>
public sealed class EvaluationLoop(
    NpgsqlDataSource database,
    FlowCache flows,
    ScheduleEvaluator schedules,
    PollingQueue polling,
    ExecutionStarter starter,
    SchedulerMetrics metrics,
    IOptions<SchedulerOptions> options,
    TimeProvider clock,
    ILogger<EvaluationLoop> logger)
{
    private const string ClaimSql =
        "SELECT namespace, flow_id, trigger_id, flow_revision, type, next_execution_date FROM triggers " +
        "WHERE next_execution_date <= @now AND execution_id IS NULL AND disabled = false AND evaluate_running_date IS NULL " +
        "ORDER BY next_execution_date LIMIT @batch FOR UPDATE SKIP LOCKED";

    private const string UpdateSql =
        "UPDATE triggers t SET next_execution_date = u.next, date = COALESCE(u.date, t.date), execution_id = u.execution_id, " +
        "locked_at = CASE WHEN u.execution_id IS NULL THEN NULL ELSE @now END, " +
        "evaluate_running_date = CASE WHEN u.polling THEN @now ELSE NULL END, updated_at = @now " +
        "FROM unnest(@namespaces, @flows, @triggers, @nexts, @dates, @executions, @pollings) AS u(ns, flow, trigger, next, date, execution_id, polling) " +
        "WHERE t.namespace = u.ns AND t.flow_id = u.flow AND t.trigger_id = u.trigger";

    /// <summary>Claims and evaluates batches until no trigger is due; returns how many were evaluated.</summary>
    public async Task<int> TickAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var now = clock.GetUtcNow();
        var total = 0;
        int claimed;
        do
        {
            claimed = await EvaluateBatchAsync(now, cancellationToken);
            total += claimed;
        }
        while (claimed == options.Value.ClaimBatchSize && !cancellationToken.IsCancellationRequested);

        metrics.Evaluated(total);
        metrics.Loop("evaluation", Stopwatch.GetElapsedTime(started));
        return total;
    }

    private async Task<int> EvaluateBatchAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var due = await ClaimAsync(connection, transaction, now, options.Value.ClaimBatchSize, cancellationToken);
        if (due.Count == 0)
        {
            return 0;
        }

        var updates = new List<TriggerUpdate>(due.Count);
        foreach (var trigger in due)
        {
            updates.Add(await EvaluateAsync(trigger, now, cancellationToken));
        }

        var executions = updates.Where(u => u.Execution is not null).Select(u => u.Execution!).ToList();
        var written = await CreatedExecutionWriter.InsertAsync(connection, transaction, executions, cancellationToken);
        await UpdateAsync(connection, transaction, updates, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        var committed = clock.GetUtcNow();
        foreach (var update in updates.Where(u => u.Execution is not null))
        {
            metrics.Lateness(committed - update.Date!.Value);
        }

        metrics.Created("schedule", written.Count);
        await starter.StartAsync(written, cancellationToken);
        foreach (var update in updates.Where(u => u.PollingStarted))
        {
            polling.Enqueue(update.Trigger);
        }

        return due.Count;
    }

    private async Task<TriggerUpdate> EvaluateAsync(DueTrigger due, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var flow = await flows.GetAsync(due.Namespace, due.FlowId, due.FlowRevision, cancellationToken);
        var trigger = flow?.Triggers?.FirstOrDefault(t => t.Id == due.TriggerId);
        switch (trigger)
        {
            case Schedule schedule:
                return schedules.Evaluate(due, flow!, schedule, now);
            case HttpTrigger:
                return new TriggerUpdate(due, due.NextExecutionDate, PollingStarted: true);
            default:
                // The row is behind its flow (the flow sync will correct it): park it rather than claim it every second.
                logger.LogWarning("Trigger {Namespace}.{Flow}.{Trigger} (revision {Revision}) is not a schedule or polling trigger of its flow; parked",
                    due.Namespace, due.FlowId, due.TriggerId, due.FlowRevision);
                return new TriggerUpdate(due, null);
        }
    }

    private static async Task<List<DueTrigger>> ClaimAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, DateTimeOffset now, int batch, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(ClaimSql, connection, transaction);
        command.Parameters.AddWithValue("now", now);
        command.Parameters.AddWithValue("batch", batch);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var due = new List<DueTrigger>();
        while (await reader.ReadAsync(cancellationToken))
        {
            due.Add(new DueTrigger(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3), reader.GetString(4), reader.GetFieldValue<DateTimeOffset>(5)));
        }

        return due;
    }

    private static async Task UpdateAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, List<TriggerUpdate> updates, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(UpdateSql, connection, transaction);
        command.Parameters.AddWithValue("now", now);
        command.Parameters.AddWithValue("namespaces", updates.Select(u => u.Trigger.Namespace).ToArray());
        command.Parameters.AddWithValue("flows", updates.Select(u => u.Trigger.FlowId).ToArray());
        command.Parameters.AddWithValue("triggers", updates.Select(u => u.Trigger.TriggerId).ToArray());
        command.Parameters.Add(new NpgsqlParameter("nexts", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { Value = updates.Select(u => (object?)u.Next?.ToUniversalTime() ?? DBNull.Value).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("dates", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { Value = updates.Select(u => (object?)u.Date?.ToUniversalTime() ?? DBNull.Value).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("executions", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = updates.Select(u => (object?)u.Execution?.Id ?? DBNull.Value).ToArray() });
        command.Parameters.AddWithValue("pollings", updates.Select(u => u.PollingStarted).ToArray());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
