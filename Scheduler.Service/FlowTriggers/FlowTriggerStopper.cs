using Kite.Core.Executions;
using Kite.Core.Triggers;
using Kite.Data.Executions;
using Kite.Data.Flows;
using Kite.Scheduler.ExecutionChanges;
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
    /// <summary>
    /// Among the enabled Flow trigger rows (<paramref name="flowTriggers"/>, read for the whole batch), disables those
    /// that stop after this ended execution, and returns them. Reads nothing when none of its flow's names its state.
    /// </summary>
    public async Task<IReadOnlyList<FlowTriggerRow>> StopAsync(ExecutionStateChange ended, IReadOnlyList<FlowTriggerRow> flowTriggers, CancellationToken cancellationToken)
    {
        var candidates = await StoppingTriggersAsync(ended, flowTriggers, cancellationToken);
        if (candidates.Count == 0)
        {
            return [];
        }

        if (await CauseAsync(ended.ExecutionId, cancellationToken) is not { } cause)
        {
            return [];
        }

        var stopped = candidates
            .Where(t => FlowTriggerExecutionIds.For(cause.ExecutionId, cause.State, ended.Namespace, ended.FlowId, t.TriggerId) == ended.ExecutionId)
            .ToList();
        foreach (var row in stopped)
        {
            await using var update = database.CreateCommand(
                "UPDATE triggers SET disabled = true, updated_at = @now WHERE namespace = @ns AND flow_id = @flow AND trigger_id = @trigger");
            update.Parameters.AddWithValue("now", clock.GetUtcNow());
            update.Parameters.AddWithValue("ns", row.Namespace);
            update.Parameters.AddWithValue("flow", row.FlowId);
            update.Parameters.AddWithValue("trigger", row.TriggerId);
            await update.ExecuteNonQueryAsync(cancellationToken);
            logger.LogInformation("Flow trigger {Namespace}.{Flow}.{Trigger} disabled: its execution {Execution} ended {State}, one of its stopAfter states",
                row.Namespace, row.FlowId, row.TriggerId, ended.ExecutionId, ended.State.ToKestraName());
        }

        return stopped;
    }

    /// <summary>The enabled Flow triggers of the ended execution's flow whose <c>stopAfter</c> names its state.</summary>
    private async Task<List<FlowTriggerRow>> StoppingTriggersAsync(ExecutionStateChange ended, IReadOnlyList<FlowTriggerRow> flowTriggers, CancellationToken cancellationToken)
    {
        var stopping = new List<FlowTriggerRow>();
        foreach (var row in flowTriggers.Where(r => r.Namespace == ended.Namespace && r.FlowId == ended.FlowId))
        {
            var flow = await flows.GetAsync(row.Namespace, row.FlowId, row.Revision, cancellationToken);
            if (flow?.Triggers?.OfType<FlowTrigger>().FirstOrDefault(t => t.Id == row.TriggerId)?.StopAfter?.Contains(ended.State) == true)
            {
                stopping.Add(row);
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
