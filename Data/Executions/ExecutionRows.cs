using Kite.Data.Records;
using Kite.Data.Schema;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Kite.Data.Executions;

/// <summary>
/// Reads execution and task-run rows from a plain Npgsql reader, so the executor can lock an execution and read its
/// runs in one batch (EF sends each query on its own round trip). The columns are named, never <c>*</c> (see
/// <see cref="SelectedColumns"/>), and their names come from the EF model; the property lists below are
/// checked against that model by a test, so a column added to a record cannot be left unread.
/// </summary>
public static class ExecutionRows
{
    public static readonly string[] ExecutionProperties =
    [
        nameof(ExecutionRecord.Id), nameof(ExecutionRecord.Namespace), nameof(ExecutionRecord.FlowId), nameof(ExecutionRecord.FlowRevision),
        nameof(ExecutionRecord.State), nameof(ExecutionRecord.StartDate), nameof(ExecutionRecord.EndDate), nameof(ExecutionRecord.DurationMs),
        nameof(ExecutionRecord.ScheduleDate), nameof(ExecutionRecord.Inputs), nameof(ExecutionRecord.Outputs), nameof(ExecutionRecord.Variables),
        nameof(ExecutionRecord.Labels), nameof(ExecutionRecord.Trigger), nameof(ExecutionRecord.StateHistory), nameof(ExecutionRecord.ParentId),
        nameof(ExecutionRecord.OriginalId), nameof(ExecutionRecord.Attempt), nameof(ExecutionRecord.OriginalCreatedDate), nameof(ExecutionRecord.Deleted),
        nameof(ExecutionRecord.StepVersion),
    ];

    public static readonly string[] TaskRunProperties =
    [
        nameof(TaskRunRecord.Id), nameof(TaskRunRecord.ExecutionId), nameof(TaskRunRecord.Position), nameof(TaskRunRecord.ParentTaskRunId),
        nameof(TaskRunRecord.TaskId), nameof(TaskRunRecord.Value), nameof(TaskRunRecord.Iteration), nameof(TaskRunRecord.State),
        nameof(TaskRunRecord.StateHistory), nameof(TaskRunRecord.Attempts), nameof(TaskRunRecord.Outputs), nameof(TaskRunRecord.StartDate),
        nameof(TaskRunRecord.EndDate),
    ];

    private static string? executionColumns;
    private static string? taskRunColumns;

    /// <summary>The execution's columns in the order <see cref="ReadExecution"/> reads them.</summary>
    public static string ExecutionColumns(DbContext db) => executionColumns ??= SelectedColumns.Of<ExecutionRecord>(db, ExecutionProperties);

    /// <summary>The task run's columns in the order <see cref="ReadTaskRun"/> reads them.</summary>
    public static string TaskRunColumns(DbContext db) => taskRunColumns ??= SelectedColumns.Of<TaskRunRecord>(db, TaskRunProperties);

    public static ExecutionRecord ReadExecution(NpgsqlDataReader row) => new()
    {
        Id = row.GetString(0),
        Namespace = row.GetString(1),
        FlowId = row.GetString(2),
        FlowRevision = row.GetInt32(3),
        State = row.GetString(4),
        StartDate = row.GetFieldValue<DateTimeOffset>(5),
        EndDate = Nullable<DateTimeOffset>(row, 6),
        DurationMs = row.IsDBNull(7) ? null : row.GetInt64(7),
        ScheduleDate = Nullable<DateTimeOffset>(row, 8),
        Inputs = Text(row, 9),
        Outputs = Text(row, 10),
        Variables = Text(row, 11),
        Labels = Text(row, 12),
        Trigger = Text(row, 13),
        StateHistory = Text(row, 14),
        ParentId = Text(row, 15),
        OriginalId = Text(row, 16),
        Attempt = row.GetInt32(17),
        OriginalCreatedDate = Nullable<DateTimeOffset>(row, 18),
        Deleted = row.GetBoolean(19),
        StepVersion = row.GetInt64(20),
    };

    public static TaskRunRecord ReadTaskRun(NpgsqlDataReader row) => new()
    {
        Id = row.GetString(0),
        ExecutionId = row.GetString(1),
        Position = row.GetInt32(2),
        ParentTaskRunId = Text(row, 3),
        TaskId = row.GetString(4),
        Value = Text(row, 5),
        Iteration = row.IsDBNull(6) ? null : row.GetInt32(6),
        State = row.GetString(7),
        StateHistory = Text(row, 8),
        Attempts = Text(row, 9),
        Outputs = Text(row, 10),
        StartDate = row.GetFieldValue<DateTimeOffset>(11),
        EndDate = Nullable<DateTimeOffset>(row, 12),
    };

    private static string? Text(NpgsqlDataReader row, int ordinal) => row.IsDBNull(ordinal) ? null : row.GetString(ordinal);

    private static T? Nullable<T>(NpgsqlDataReader row, int ordinal)
        where T : struct => row.IsDBNull(ordinal) ? null : row.GetFieldValue<T>(ordinal);
}
