using System.Diagnostics;
using Kite.Core.Executions;
using Kite.Core.Scheduling;
using Kite.Core.Triggers;
using Kite.Core.Values;
using Kite.Data.Executions;
using Kite.Data.Flows;
using Kite.Data.Triggers;
using Kite.Scheduler.Executions;
using Kite.Scheduler.Triggers;
using Kite.ServiceDefaults.Secrets;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Kite.Scheduler.Backfills;

/// <summary>
/// Moves backfills forward: for each unpaused backfill (claimed with SKIP LOCKED, so replicas split them), drops the
/// executions that have ended from its in-flight list and starts the next slots until
/// <see cref="SchedulerOptions.BackfillInFlight"/> run at once, one execution per slot, labelled <c>backfill: true</c>.
/// A backfill whose last slot has fired and whose executions have all ended is cleared.
/// </summary>
public sealed class BackfillProgress(
    InputEncryption encryption,
    NpgsqlDataSource database,
    FlowCache flows,
    SchedulerZone zone,
    ExecutionStarter starter,
    SchedulerMetrics metrics,
    IOptions<SchedulerOptions> options,
    TimeProvider clock,
    ILogger<BackfillProgress> logger)
{
    private static readonly string[] Terminated = [.. Enum.GetValues<State>().Where(s => s.IsTerminated()).Select(s => s.ToKestraName())];

    public async Task TickAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var now = clock.GetUtcNow();
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var rows = new List<(string Ns, string Flow, string Trigger, int Revision, Backfill Backfill)>();
        await using (var select = new NpgsqlCommand(
            "SELECT namespace, flow_id, trigger_id, flow_revision, backfill::text FROM triggers WHERE backfill IS NOT NULL " +
            "AND NOT COALESCE((backfill->>'paused')::boolean, false) FOR UPDATE SKIP LOCKED", connection, transaction))
        await using (var reader = await select.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3), Backfill.FromJson(reader.GetString(4))!));
            }
        }

        var executions = new List<CreatedExecution>();
        foreach (var row in rows)
        {
            var running = await StillRunningAsync(connection, transaction, row.Backfill.InFlight, cancellationToken);
            var flow = await flows.GetAsync(row.Ns, row.Flow, row.Revision, cancellationToken);
            var backfill = row.Backfill with { InFlight = running };
            if (flow?.Triggers?.OfType<Schedule>().FirstOrDefault(t => t.Id == row.Trigger) is { } schedule)
            {
                backfill = Advance(flow, row.Revision, schedule, backfill, now, executions, row);
            }

            var done = backfill.CurrentDate > backfill.End && backfill.InFlight.Count == 0;
            await using var update = new NpgsqlCommand(
                "UPDATE triggers SET backfill = @backfill::jsonb, updated_at = @now WHERE namespace = @ns AND flow_id = @flow AND trigger_id = @trigger",
                connection, transaction);
            update.Parameters.AddWithValue("backfill", done ? DBNull.Value : backfill.ToJson());
            update.Parameters.AddWithValue("now", now);
            update.Parameters.AddWithValue("ns", row.Ns);
            update.Parameters.AddWithValue("flow", row.Flow);
            update.Parameters.AddWithValue("trigger", row.Trigger);
            await update.ExecuteNonQueryAsync(cancellationToken);
            if (done)
            {
                logger.LogInformation("Backfill of {Namespace}.{Flow}.{Trigger} is complete: {Count} execution(s)", row.Ns, row.Flow, row.Trigger, backfill.Fired);
            }
        }

        var written = await CreatedExecutionWriter.InsertAsync(connection, transaction, executions, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        metrics.Created("backfill", written.Count);
        await starter.StartAsync(written, cancellationToken);
        metrics.Loop("backfill", Stopwatch.GetElapsedTime(started));
    }

    private Backfill Advance(Core.Flows.Flow flow, int revision, Schedule schedule, Backfill backfill, DateTimeOffset now, List<CreatedExecution> executions, (string Ns, string Flow, string Trigger, int Revision, Backfill Backfill) row)
    {
        var cron = CronSchedule.Of(schedule, zone.Default);
        var inFlight = new List<string>(backfill.InFlight);
        var current = backfill.CurrentDate;
        var fired = backfill.Fired;
        while (inFlight.Count < options.Value.BackfillInFlight)
        {
            if (cron.NextOrSame(current) is not { } slot || slot > backfill.End)
            {
                current = backfill.End.AddTicks(1);
                break;
            }

            current = slot.AddTicks(1);
            var variables = TriggerDates.ScheduleVariables(cron, slot);
            if (!ConditionEvaluator.AllHold(schedule.Conditions ?? schedule.ScheduleConditions, ExecutionFactory.Context(flow, revision, variables)))
            {
                continue;
            }

            var inputs = new Dictionary<string, object?>(schedule.Inputs ?? [], StringComparer.Ordinal);
            foreach (var (key, value) in backfill.Inputs ?? [])
            {
                inputs[key] = PlainJson.FromElement(value);
            }

            var labels = (backfill.Labels ?? []).Append(new KeyValuePair<string, string>("backfill", "true"));
            var id = DeterministicIds.For($"backfill:{row.Ns}:{row.Flow}:{row.Trigger}:{backfill.CreatedAt.UtcTicks}:{slot.UtcTicks}");
            executions.Add(ExecutionFactory.Create(flow, revision, inputs, schedule.Labels, variables, now, id, labels, encryption.Cipher));
            inFlight.Add(id);
            fired++;
        }

        return backfill with { CurrentDate = current, InFlight = inFlight, Fired = fired };
    }

    private static async Task<List<string>> StillRunningAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, List<string> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        await using var command = new NpgsqlCommand(
            "SELECT id FROM executions WHERE id = ANY(@ids) AND deleted = false AND NOT (state = ANY(@terminated))", connection, transaction);
        command.Parameters.AddWithValue("ids", ids.ToArray());
        command.Parameters.AddWithValue("terminated", Terminated);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var running = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            running.Add(reader.GetString(0));
        }

        return running;
    }
}
