namespace Kite.Core.Executions;

/// <summary>An execution of a flow revision: its state, inputs, variables, labels and task runs.</summary>
public sealed class Execution
{
    public required string Id { get; init; }
    public required string Namespace { get; init; }
    public required string FlowId { get; init; }
    public int FlowRevision { get; init; }
    public required StateHistory History { get; init; }
    public Dictionary<string, object?> Inputs { get; init; } = [];
    public Dictionary<string, object?> Variables { get; init; } = [];
    public Dictionary<string, string> Labels { get; init; } = [];
    public Dictionary<string, object?>? Outputs { get; set; }
    public Dictionary<string, object?>? Trigger { get; init; }
    public string? ParentId { get; init; }
    public string? OriginalId { get; init; }

    /// <summary>Which execution of a <c>CREATE_NEW_EXECUTION</c> retry chain this is (Kestra's <c>metadata.attemptNumber</c>); 1 for the first.</summary>
    public int AttemptNumber { get; init; } = 1;

    /// <summary>When the chain's first execution was created (<c>metadata.originalCreatedDate</c>); null when this one is the first.</summary>
    public DateTimeOffset? OriginalCreatedDate { get; init; }

    /// <summary>The execution stays CREATED until then.</summary>
    public DateTimeOffset? ScheduleDate { get; init; }

    private TaskRunIndex? index;

    public List<TaskRun> TaskRuns { get; init; } = [];

    public State State => History.Current;

    public TaskRun? FindTaskRun(string id) => (index ??= new TaskRunIndex(TaskRuns)).Find(id);

    /// <summary>The runs whose parent is <paramref name="parentId"/> (null: the flow's own lists), in creation order.</summary>
    public IEnumerable<TaskRun> ChildrenOf(string? parentId, string? value = null) =>
        TaskRuns.Where(t => t.ParentTaskRunId == parentId && (value is null || t.Value == value));
}
