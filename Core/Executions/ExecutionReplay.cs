namespace Kite.Core.Executions;

/// <summary>
/// Kestra's replay: a new execution of the same flow with the same inputs, keeping the original as
/// <c>originalId</c>. Without a task run it starts over; from a task run, the runs before it that ended are
/// copied (with new ids), its flowable ancestors are copied as RUNNING so they resolve again, and the run itself
/// and everything after it run anew.
/// </summary>
public static class ExecutionReplay
{
    public static Execution From(Execution original, string? fromTaskRunId, int flowRevision, string newId, Func<string> newTaskRunId, DateTimeOffset now)
    {
        var replay = Start(original, flowRevision, newId, now, null);
        if (fromTaskRunId is null)
        {
            return replay;
        }

        var from = original.TaskRuns.FindIndex(r => r.Id == fromTaskRunId);
        if (from < 0)
        {
            throw new ArgumentException($"execution '{original.Id}' has no task run '{fromTaskRunId}'", nameof(fromTaskRunId));
        }

        var ancestors = Ancestors(original, original.TaskRuns[from]);
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var run in original.TaskRuns.Take(from))
        {
            var ancestor = ancestors.Contains(run.Id);
            if (!ancestor && !run.State.IsTerminated() || run.ParentTaskRunId is { } parent && !ids.ContainsKey(parent))
            {
                continue;
            }

            ids[run.Id] = newTaskRunId();
            replay.TaskRuns.Add(Copy(run, ids, ancestor, now));
        }

        foreach (var (key, value) in original.Variables)
        {
            replay.Variables[key] = value;
        }

        return replay;
    }

    /// <summary>
    /// Kestra's <c>CREATE_NEW_EXECUTION</c> retry: a replay of the whole flow on the same revision, which starts at
    /// <paramref name="startAt"/>.
    /// </summary>
    public static Execution NextAttempt(Execution failed, string newId, DateTimeOffset now, DateTimeOffset startAt) =>
        Start(failed, failed.FlowRevision, newId, now, startAt);

    // Like Kestra's, every replay is the next attempt of the original: the attempt number grows, the creation date is the first's.
    private static Execution Start(Execution original, int flowRevision, string newId, DateTimeOffset now, DateTimeOffset? startAt) => new()
    {
        Id = newId,
        Namespace = original.Namespace,
        FlowId = original.FlowId,
        FlowRevision = flowRevision,
        History = new StateHistory(State.Created, now),
        Inputs = original.Inputs,
        Labels = new Dictionary<string, string>(original.Labels, StringComparer.Ordinal) { ["system.replay"] = "true" },
        Trigger = original.Trigger,
        ParentId = original.ParentId,
        OriginalId = original.OriginalId ?? original.Id,
        AttemptNumber = original.AttemptNumber + 1,
        OriginalCreatedDate = original.OriginalCreatedDate ?? original.History.StartDate,
        ScheduleDate = startAt,
    };

    private static TaskRun Copy(TaskRun run, Dictionary<string, string> ids, bool rerun, DateTimeOffset now)
    {
        var history = new StateHistory(run.History.Changes);
        var attempts = run.Attempts.Select(a => new TaskRunAttempt { State = a.State, StartDate = a.StartDate, EndDate = a.EndDate }).ToList();
        if (rerun)
        {
            history.Enter(State.Restarted, now);
            history.Enter(State.Running, now);
            attempts.Add(new TaskRunAttempt { State = State.Running, StartDate = now });
        }

        return new TaskRun
        {
            Id = ids[run.Id],
            TaskId = run.TaskId,
            ParentTaskRunId = run.ParentTaskRunId is { } parent ? ids[parent] : null,
            Value = run.Value,
            Iteration = run.Iteration,
            History = history,
            Attempts = attempts,
            Outputs = rerun ? null : run.Outputs,
            Changed = true,
        };
    }

    private static HashSet<string> Ancestors(Execution execution, TaskRun run)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var parent = run.ParentTaskRunId; parent is not null; parent = execution.FindTaskRun(parent)?.ParentTaskRunId)
        {
            ids.Add(parent);
        }

        return ids;
    }
}
