using Kite.Core.Executions;
using Kite.Data.Records;

namespace Kite.Data.Executions;

/// <summary>Between the rows of an execution and the domain's <see cref="Execution"/>.</summary>
public static class ExecutionMapping
{
    public static Execution ToDomain(ExecutionRecord record, IEnumerable<TaskRunRecord> taskRuns) => new()
    {
        Id = record.Id,
        Namespace = record.Namespace,
        FlowId = record.FlowId,
        FlowRevision = record.FlowRevision,
        History = StateJson.ReadHistory(record.StateHistory, StateExtensions.ParseKestraName(record.State), record.StartDate),
        Inputs = PlainJsonColumns.Read(record.Inputs) ?? [],
        Variables = PlainJsonColumns.Read(record.Variables) ?? [],
        Labels = PlainJsonColumns.ReadLabels(record.Labels),
        Outputs = PlainJsonColumns.Read(record.Outputs),
        Trigger = PlainJsonColumns.Read(record.Trigger),
        ParentId = record.ParentId,
        OriginalId = record.OriginalId,
        AttemptNumber = record.Attempt,
        OriginalCreatedDate = record.OriginalCreatedDate,
        ScheduleDate = record.ScheduleDate,
        TaskRuns = [.. taskRuns.OrderBy(t => t.Position).Select(ToDomain)],
    };

    /// <summary>The row of an execution the executor or the Api creates from a domain one (a replay, a retry in a new execution).</summary>
    public static ExecutionRecord ToNewRecord(Execution execution)
    {
        var record = new ExecutionRecord
        {
            Id = execution.Id,
            Namespace = execution.Namespace,
            FlowId = execution.FlowId,
            FlowRevision = execution.FlowRevision,
            State = execution.State.ToKestraName(),
            StartDate = execution.History.StartDate,
            ScheduleDate = execution.ScheduleDate,
            Inputs = PlainJsonColumns.Write(execution.Inputs),
            Trigger = PlainJsonColumns.Write(execution.Trigger),
            ParentId = execution.ParentId,
            OriginalId = execution.OriginalId,
            Attempt = execution.AttemptNumber,
            OriginalCreatedDate = execution.OriginalCreatedDate,
        };
        CopyTo(execution, record);
        return record;
    }

    public static TaskRun ToDomain(TaskRunRecord record) => new()
    {
        Id = record.Id,
        TaskId = record.TaskId,
        ParentTaskRunId = record.ParentTaskRunId,
        Value = record.Value,
        Iteration = record.Iteration,
        History = StateJson.ReadHistory(record.StateHistory, StateExtensions.ParseKestraName(record.State), record.StartDate),
        Attempts = StateJson.ReadAttempts(record.Attempts),
        Outputs = PlainJsonColumns.Read(record.Outputs),
    };

    /// <summary>Writes the execution's state, variables, labels and outputs onto its row.</summary>
    public static void CopyTo(Execution execution, ExecutionRecord record)
    {
        record.State = execution.State.ToKestraName();
        record.StateHistory = StateJson.WriteHistory(execution.History);
        record.EndDate = execution.History.EndDate;
        record.DurationMs = record.EndDate is { } end ? (long)(end - record.StartDate).TotalMilliseconds : null;
        record.Variables = PlainJsonColumns.Write(execution.Variables);
        record.Labels = PlainJsonColumns.WriteLabels(execution.Labels);
        record.Outputs = PlainJsonColumns.Write(execution.Outputs);
    }

    public static TaskRunRecord ToRecord(TaskRun run, string executionId, int position)
    {
        var record = new TaskRunRecord
        {
            Id = run.Id,
            ExecutionId = executionId,
            Position = position,
            ParentTaskRunId = run.ParentTaskRunId,
            TaskId = run.TaskId,
            Value = run.Value,
            Iteration = run.Iteration,
            State = run.State.ToKestraName(),
            StartDate = run.History.StartDate,
        };
        CopyTo(run, record);
        return record;
    }

    public static void CopyTo(TaskRun run, TaskRunRecord record)
    {
        record.State = run.State.ToKestraName();
        record.StateHistory = StateJson.WriteHistory(run.History);
        record.Attempts = StateJson.WriteAttempts(run.Attempts);
        record.Outputs = PlainJsonColumns.Write(run.Outputs);
        record.EndDate = run.History.EndDate;
    }
}
