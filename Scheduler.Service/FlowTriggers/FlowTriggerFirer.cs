using System.Text.Json;
using Kite.Core.Executions;
using Kite.Core.Expressions;
using Kite.Core.Scheduling;
using Kite.Core.Triggers;
using Kite.Data.Executions;
using Kite.Data.Flows;
using Kite.Messaging.Contracts;
using Kite.Scheduler.Executions;
using Kite.Scheduler.Triggers;
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

    public async Task OnChangedAsync(ExecutionChanged message, State state, CancellationToken cancellationToken)
    {
        var rows = await FlowTriggerRowsAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return;
        }

        var source = await ReadExecutionAsync(message.ExecutionId, state, cancellationToken);
        if (source is null)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var variables = FlowTriggerMatcher.Variables(source);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var executions = new List<CreatedExecution>();
        foreach (var (ns, flowId, triggerId, revision) in rows)
        {
            var flow = await flows.GetAsync(ns, flowId, revision, cancellationToken);
            if (flow is null || flow.Disabled || flow.Triggers?.OfType<FlowTrigger>().FirstOrDefault(t => t.Id == triggerId) is not { } trigger)
            {
                continue;
            }

            try
            {
                var context = ExecutionFactory.Context(flow, revision, variables);
                if (!FlowTriggerMatcher.Matches(trigger, source, context))
                {
                    continue;
                }

                var sets = PreconditionSet.Of(trigger);
                if (sets.Count > 0 && !await PreconditionsMetAsync(connection, transaction, (ns, flowId, triggerId), sets, source, context, now, cancellationToken))
                {
                    continue;
                }

                var id = FlowTriggerExecutionIds.For(source.Id, state, ns, flowId, triggerId);
                executions.Add(ExecutionFactory.Create(flow, revision, trigger.Inputs, trigger.Labels, variables, now, id, cipher: encryption.Cipher));
            }
            catch (Exception ex) when (ex is ExpressionException or FormatException or NotSupportedException or InvalidOperationException)
            {
                logger.LogError("Flow trigger {Namespace}.{Flow}.{Trigger} could not be evaluated for execution {Execution}: {Reason}",
                    ns, flowId, triggerId, source.Id, ex.Message);
            }
        }

        var written = await CreatedExecutionWriter.InsertAsync(connection, transaction, executions, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        metrics.Created("flow", written.Count);
        await starter.StartAsync(written, cancellationToken);
    }

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

    private async Task<List<(string Namespace, string FlowId, string TriggerId, int Revision)>> FlowTriggerRowsAsync(CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("SELECT namespace, flow_id, trigger_id, flow_revision FROM triggers WHERE type = @type AND disabled = false");
        command.Parameters.AddWithValue("type", TriggerKinds.Flow);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<(string, string, string, int)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3)));
        }

        return rows;
    }

    private async Task<TriggeringExecution?> ReadExecutionAsync(string id, State state, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(
            "SELECT namespace, flow_id, flow_revision, labels::text, outputs::text FROM executions WHERE id = @id AND deleted IN (true, false)");
        command.Parameters.AddWithValue("id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new TriggeringExecution(id, reader.GetString(0), reader.GetString(1), reader.GetInt32(2), state,
            PlainJsonColumns.ReadLabels(reader.IsDBNull(3) ? null : reader.GetString(3)),
            PlainJsonColumns.Read(reader.IsDBNull(4) ? null : reader.GetString(4)));
    }

    private static void Key(NpgsqlCommand command, (string Ns, string Flow, string Trigger) key)
    {
        command.Parameters.AddWithValue("ns", key.Ns);
        command.Parameters.AddWithValue("flow", key.Flow);
        command.Parameters.AddWithValue("trigger", key.Trigger);
    }
}
