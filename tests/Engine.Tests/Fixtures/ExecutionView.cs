namespace Kite.Engine.Tests.Fixtures;

/// <summary>An execution as its rows say it ended.</summary>
public sealed record ExecutionView(string Id, string State, IReadOnlyList<TaskRunView> TaskRuns, string? Outputs, long? DurationMs = null)
{
    public IEnumerable<string> TaskIds => TaskRuns.Select(t => t.TaskId);

    public TaskRunView Run(string taskId) => TaskRuns.Last(t => t.TaskId == taskId);
}
