using Kite.Core.Executions;
using Kite.Core.Triggers;
using Kite.Data.Executions;
using Kite.Data.Flows;
using Kite.Messaging.Contracts;
using Kite.Scheduler.Triggers;
using Npgsql;

namespace Kite.Scheduler.FlowTriggers;

/// <summary>
/// <c>stopAfter</c> for Flow triggers, which hold no lock while their execution runs (a schedule's is applied when
/// <see cref="Locks.TriggerUnlocker"/> releases it): when an execution ends in one of the states a Flow trigger of its
/// own flow stops after, and that trigger started it (its id is the one <see cref="FlowTriggerExecutionIds"/> derives
/// from its <c>trigger.executionId</c> and <c>trigger.state</c>), the trigger's row is disabled. A disabled row is
/// not read by <see cref="FlowTriggerFirer"/>, so the trigger fires no more, until it is enabled through the Api.
/// </summary>
public sealed class FlowTriggerStopper(NpgsqlDataSource database, FlowCache flows, TimeProvider clock, ILogger<FlowTriggerStopper> logger)
{
    /// <summary>Returns the ids of the triggers disabled.</summary>
    public async Task<IReadOnlyList<string>> StopAsync(ExecutionChanged message, State state, CancellationToken cancellationToken)
    {
        var candidates = await StoppingTriggersAsync(message.Namespace, message.FlowId, state, cancellationToken);
        if (candidates.Count == 0)
        {
            return [];
        }

        if (await CauseAsync(message.ExecutionId, cancellationToken) is not { } cause)
        {
            return [];
        }

        var stopped = candidates
            .Where(t => FlowTriggerExecutionIds.For(cause.ExecutionId, cause.State, message.Namespace, message.FlowId, t) == message.ExecutionId)
            .ToList();
        foreach (var triggerId in stopped)
        {
            await using var update = database.CreateCommand(
                "UPDATE triggers SET disabled = true, updated_at = @now WHERE namespace = @ns AND flow_id = @flow AND trigger_id = @trigger");
            update.Parameters.AddWithValue("now", clock.GetUtcNow());
            update.Parameters.AddWithValue("ns", message.Namespace);
            update.Parameters.AddWithValue("flow", message.FlowId);
            update.Parameters.AddWithValue("trigger", triggerId);
            await update.ExecuteNonQueryAsync(cancellationToken);
            logger.LogInformation("Flow trigger {Namespace}.{Flow}.{Trigger} disabled: its execution {Execution} ended {State}, one of its stopAfter states",
                message.Namespace, message.FlowId, triggerId, message.ExecutionId, state.ToKestraName());
        }

        return stopped;
    }

    /// <summary>The enabled Flow triggers of the ended execution's flow whose <c>stopAfter</c> names its state.</summary>
    private async Task<List<string>> StoppingTriggersAsync(string @namespace, string flowId, State state, CancellationToken cancellationToken)
    {
        var rows = new List<(string TriggerId, int Revision)>();
        await using (var command = database.CreateCommand(
            "SELECT trigger_id, flow_revision FROM triggers WHERE namespace = @ns AND flow_id = @flow AND type = @type AND disabled = false"))
        {
            command.Parameters.AddWithValue("ns", @namespace);
            command.Parameters.AddWithValue("flow", flowId);
            command.Parameters.AddWithValue("type", TriggerKinds.Flow);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add((reader.GetString(0), reader.GetInt32(1)));
            }
        }

        var stopping = new List<string>();
        foreach (var (triggerId, revision) in rows)
        {
            var flow = await flows.GetAsync(@namespace, flowId, revision, cancellationToken);
            if (flow?.Triggers?.OfType<FlowTrigger>().FirstOrDefault(t => t.Id == triggerId)?.StopAfter?.Contains(state) == true)
            {
                stopping.Add(triggerId);
            }
        }

        return stopping;
    }

    /// <summary>The execution and state that caused the ended execution, as its trigger variables record them.</summary>
    private async Task<(string ExecutionId, State State)?> CauseAsync(string executionId, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("SELECT trigger::text FROM executions WHERE id = @id AND deleted IN (true, false)");
        command.Parameters.AddWithValue("id", executionId);
        var variables = PlainJsonColumns.Read(await command.ExecuteScalarAsync(cancellationToken) as string);
        return variables?.GetValueOrDefault("executionId") is string source && variables.GetValueOrDefault("state") is string name
            && Enum.TryParse<State>(name, ignoreCase: true, out var sourceState)
            ? (source, sourceState)
            : null;
    }
}
