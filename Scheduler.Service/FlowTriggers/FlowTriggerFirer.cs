using System.Text.Json;
using Kite.Core.Executions;
using Kite.Core.Expressions;
using Kite.Core.Flows;
using Kite.Core.Scheduling;
using Kite.Core.Triggers;
using Kite.Data.Executions;
using Kite.Data.Flows;
using Kite.Scheduler.ExecutionChanges;
using Kite.Scheduler.Executions;
using Kite.ServiceDefaults.Secrets;
using Npgsql;

namespace Kite.Scheduler.FlowTriggers;

/// <summary>
/// Starts the flows whose Flow trigger matches an execution's new state: <c>states</c>, <c>conditions</c>, and what
/// waits for several executions, <c>preconditions</c> (upstream flows and <c>where</c> filters) and deprecated
/// MultipleConditions, each met within its time window (progress kept on the trigger's row). The started
/// execution's id is derived from the event (<see cref="FlowTriggerExecutionIds"/>), so a redelivered event starts
/// nothing twice.
/// </summary>
public sealed class FlowTriggerFirer(
    InputEncryption encryption,
    NpgsqlDataSource database,
    FlowCache flows,
    ExecutionStarter starter,
    SchedulerMetrics metrics,
    TimeProvider clock,
    ILogger<FlowTriggerFirer> logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Fires, for a batch of state changes, the enabled Flow triggers (<paramref name="flowTriggers"/>) that match
    /// them. Reads the executions only of the changes some trigger may match by state, namespace and flow, and writes
    /// what fires in one transaction: a failure leaves no precondition half recorded for a redelivered batch.
    /// </summary>
    public async Task FireAsync(IReadOnlyList<ExecutionStateChange> changes, IReadOnlyList<FlowTriggerRow> flowTriggers, CancellationToken cancellationToken)
    {
        var triggers = await EnabledTriggersAsync(flowTriggers, cancellationToken);
        var candidates = changes
            .Select(change => (Change: change, Triggers: triggers.Where(t => FlowTriggerMatcher.MayMatch(t.Trigger, change.State, change.Namespace, change.FlowId)).ToList()))
            .Where(c => c.Triggers.Count > 0)
            .ToList();
        if (candidates.Count == 0)
        {
            return;
        }

        var executions = await ReadExecutionsAsync([.. candidates.Select(c => c.Change.ExecutionId).Distinct(StringComparer.Ordinal)], cancellationToken);
        var matches = new List<Match>();
        foreach (var (change, candidateTriggers) in candidates)
        {
            if (executions.GetValueOrDefault(change.ExecutionId) is not { } stored)
            {
                continue;
            }

            var source = new TriggeringExecution(change.ExecutionId, stored.Namespace, stored.FlowId, stored.FlowRevision, change.State, stored.Labels, stored.Outputs);
            var variables = FlowTriggerMatcher.Variables(source);
            foreach (var candidate in candidateTriggers)
            {
                try
                {
                    var context = ExecutionFactory.Context(candidate.Flow, candidate.Row.Revision, variables);
                    if (FlowTriggerMatcher.Matches(candidate.Trigger, source, context))
                    {
                        matches.Add(new Match(candidate, source, variables, context));
                    }
                }
                catch (Exception ex) when (ex is ExpressionException or FormatException or NotSupportedException or InvalidOperationException)
                {
                    LogNotEvaluated(candidate.Row, source.Id, ex);
                }
            }
        }

        if (matches.Count > 0)
        {
            await StartAsync(matches, cancellationToken);
        }
    }

    private async Task StartAsync(List<Match> matches, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var executions = new List<CreatedExecution>();
        // Trigger rows are locked in one order (a trigger's events keep theirs), so two replicas' batches do not deadlock on them.
        foreach (var (candidate, source, variables, context) in matches.OrderBy(m => m.Candidate.Row.Namespace, StringComparer.Ordinal)
            .ThenBy(m => m.Candidate.Row.FlowId, StringComparer.Ordinal).ThenBy(m => m.Candidate.Row.TriggerId, StringComparer.Ordinal))
        {
            var (row, flow, trigger) = candidate;
            try
            {
                var sets = PreconditionSet.Of(trigger);
                if (sets.Count > 0 && !await PreconditionsMetAsync(connection, transaction, (row.Namespace, row.FlowId, row.TriggerId), sets, source, context, now, cancellationToken))
                {
                    continue;
                }

                var id = FlowTriggerExecutionIds.For(source.Id, source.State, row.Namespace, row.FlowId, row.TriggerId);
                executions.Add(ExecutionFactory.Create(flow, row.Revision, trigger.Inputs, trigger.Labels, variables, now, id, cipher: encryption.Cipher));
            }
            catch (Exception ex) when (ex is ExpressionException or FormatException or NotSupportedException or InvalidOperationException)
            {
                LogNotEvaluated(row, source.Id, ex);
            }
        }

        var written = await CreatedExecutionWriter.InsertAsync(connection, transaction, executions, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        metrics.Created("flow", written.Count);
        await starter.StartAsync(written, cancellationToken);
    }

    /// <summary>The rows' triggers, in their revision, leaving out those of a disabled flow or one that no longer has them.</summary>
    private async Task<List<EnabledTrigger>> EnabledTriggersAsync(IReadOnlyList<FlowTriggerRow> rows, CancellationToken cancellationToken)
    {
        var enabled = new List<EnabledTrigger>(rows.Count);
        foreach (var row in rows)
        {
            var flow = await flows.GetAsync(row.Namespace, row.FlowId, row.Revision, cancellationToken);
            if (flow is { Disabled: false } && flow.Triggers?.OfType<FlowTrigger>().FirstOrDefault(t => t.Id == row.TriggerId) is { } trigger)
            {
                enabled.Add(new EnabledTrigger(row, flow, trigger));
            }
        }

        return enabled;
    }

    private void LogNotEvaluated(FlowTriggerRow row, string executionId, Exception ex) =>
        logger.LogError("Flow trigger {Namespace}.{Flow}.{Trigger} could not be evaluated for execution {Execution}: {Reason}",
            row.Namespace, row.FlowId, row.TriggerId, executionId, ex.Message);

    private static async Task<bool> PreconditionsMetAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, (string Ns, string Flow, string Trigger) key,
        IReadOnlyList<PreconditionSet> sets, TriggeringExecution source, RenderContext context, DateTimeOffset now, CancellationToken cancellationToken)
    {
        PreconditionProgress progress;
        await using (var select = new NpgsqlCommand(
            "SELECT preconditions::text FROM triggers WHERE namespace = @ns AND flow_id = @flow AND trigger_id = @trigger FOR UPDATE", connection, transaction))
        {
            Key(select, key);
            var json = await select.ExecuteScalarAsync(cancellationToken) as string;
            progress = json is null ? new PreconditionProgress() : JsonSerializer.Deserialize<PreconditionProgress>(json, Json) ?? new PreconditionProgress();
        }

        var met = progress.Record(sets, source, context, now);
        await using var update = new NpgsqlCommand(
            "UPDATE triggers SET preconditions = @progress::jsonb, updated_at = @now WHERE namespace = @ns AND flow_id = @flow AND trigger_id = @trigger",
            connection, transaction);
        Key(update, key);
        update.Parameters.AddWithValue("progress", JsonSerializer.Serialize(progress, Json));
        update.Parameters.AddWithValue("now", now);
        await update.ExecuteNonQueryAsync(cancellationToken);
        return met;
    }

    /// <summary>The executions, deleted ones too, by id.</summary>
    private async Task<Dictionary<string, StoredExecution>> ReadExecutionsAsync(string[] ids, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(
            "SELECT id, namespace, flow_id, flow_revision, labels::text, outputs::text FROM executions WHERE id = ANY(@ids) AND deleted IN (true, false)");
        command.Parameters.AddWithValue("ids", ids);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var executions = new Dictionary<string, StoredExecution>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            executions[reader.GetString(0)] = new StoredExecution(reader.GetString(1), reader.GetString(2), reader.GetInt32(3),
                PlainJsonColumns.ReadLabels(reader.IsDBNull(4) ? null : reader.GetString(4)),
                PlainJsonColumns.Read(reader.IsDBNull(5) ? null : reader.GetString(5)));
        }

        return executions;
    }

    private static void Key(NpgsqlCommand command, (string Ns, string Flow, string Trigger) key)
    {
        command.Parameters.AddWithValue("ns", key.Ns);
        command.Parameters.AddWithValue("flow", key.Flow);
        command.Parameters.AddWithValue("trigger", key.Trigger);
    }

    private sealed record StoredExecution(
        string Namespace, string FlowId, int FlowRevision, IReadOnlyDictionary<string, string> Labels, IReadOnlyDictionary<string, object?>? Outputs);

    private sealed record EnabledTrigger(FlowTriggerRow Row, Flow Flow, FlowTrigger Trigger);

    private sealed record Match(EnabledTrigger Candidate, TriggeringExecution Source, Dictionary<string, object?> Variables, RenderContext Context);
}
