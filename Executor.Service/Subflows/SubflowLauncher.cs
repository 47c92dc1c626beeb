using Kite.Core.Executions;
using Kite.Core.Flows;
using Kite.Core.Inputs;
using Kite.Core.Values;
using Kite.Data;
using Kite.Data.Executions;
using Kite.Data.Flows;
using Kite.Data.Records;
using Kite.ServiceDefaults.Secrets;
using Microsoft.EntityFrameworkCore;

namespace Kite.Executor.Subflows;

/// <summary>
/// Writes the CREATED rows of the child executions a step asked for, in the step's transaction. A child that cannot
/// be created (unknown or disabled flow, bad inputs) is reported back as the reason, and the parent task fails with it.
/// </summary>
public sealed class SubflowLauncher(KiteDbContext db, FlowCache flows, InputEncryption encryption)
{
    /// <returns>Null when the child row is staged, else why it could not be.</returns>
    public async Task<string?> StageAsync(Execution parent, SubflowLaunch launch, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var task = launch.Task;
        var revision = task.Revision ?? await db.Flows.AsNoTracking()
            .Where(f => f.Namespace == task.Namespace && f.Id == task.FlowId)
            .OrderByDescending(f => f.Revision)
            .Select(f => f.Deleted ? (int?)null : f.Revision)
            .FirstOrDefaultAsync(cancellationToken);
        if (revision is not { } found || await flows.GetAsync(task.Namespace, task.FlowId, found, cancellationToken) is not { } flow)
        {
            return $"flow {task.Namespace}.{task.FlowId}{(task.Revision is { } r ? $" revision {r}" : "")} does not exist";
        }

        if (flow.Disabled)
        {
            return $"flow {task.Namespace}.{task.FlowId} is disabled";
        }

        if (PlainSecrets(flow, launch) is { } plain)
        {
            return plain;
        }

        var inputs = InputResolver.Resolve(flow.Inputs, launch.Inputs, cipher: encryption.Cipher);
        if (!inputs.IsValid)
        {
            return string.Join("; ", inputs.Errors.Select(e => e.Message));
        }

        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var label in flow.Labels ?? [])
        {
            labels[label.Key] = label.Value;
        }

        foreach (var (key, value) in launch.Labels)
        {
            labels[key] = value;
        }

        db.Executions.Add(new ExecutionRecord
        {
            Id = launch.ChildExecutionId,
            Namespace = flow.Namespace,
            FlowId = flow.Id,
            FlowRevision = found,
            State = State.Created.ToKestraName(),
            StartDate = now,
            ScheduleDate = launch.ScheduleDate,
            Inputs = PlainJson.Write(inputs.Values),
            Labels = PlainJsonColumns.WriteLabels(labels),
            StateHistory = StateJson.WriteHistory(new StateHistory(State.Created, now)),
            ParentId = parent.Id,
            Trigger = PlainJson.Write(Trigger(parent, launch)),
        });
        return null;
    }

    /// <summary>Why the child would store a secret of the parent as plain text, or null when it would not.</summary>
    private static string? PlainSecrets(Flow flow, SubflowLaunch launch)
    {
        var plain = launch.SecretInputs
            .Where(id => flow.Inputs?.FirstOrDefault(i => i.Id == id) is { } input && input is not SecretInput)
            .Select(id => $"input '{id}'")
            .ToList();
        return plain.Count == 0
            ? null
            : $"{string.Join(", ", plain)} of flow {flow.Namespace}.{flow.Id} would receive a secret and store it as plain text; declare {(plain.Count == 1 ? "it" : "them")} type: SECRET, which is stored encrypted";
    }

    /// <summary>Kestra's subflow trigger: the child knows its parent execution and the task run waiting for it.</summary>
    private static Dictionary<string, object?> Trigger(Execution parent, SubflowLaunch launch) => new()
    {
        ["id"] = launch.Task.Id,
        ["type"] = launch.Task.Type,
        ["variables"] = new Dictionary<string, object?>
        {
            ["executionId"] = parent.Id,
            ["namespace"] = parent.Namespace,
            ["flowId"] = parent.FlowId,
            ["flowRevision"] = parent.FlowRevision,
            ["taskRunId"] = launch.TaskRunId,
        },
    };

    /// <summary>The parent execution and task run waiting for <paramref name="child"/>, when it is a Subflow's child.</summary>
    public static (string ExecutionId, string TaskRunId)? WaitingParent(Execution child) =>
        child.ParentId is { } parentId
            && child.Trigger?.GetValueOrDefault("variables") is IReadOnlyDictionary<string, object?> variables
            && variables.GetValueOrDefault("taskRunId") is string taskRunId
            ? (parentId, taskRunId)
            : null;
}
