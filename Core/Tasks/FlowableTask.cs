namespace Kite.Core.Tasks;

/// <summary>A task that decides which child tasks run; resolved in the executor, never sent to a worker.</summary>
public abstract class FlowableTask : TaskDefinition
{
    public override TaskKind Kind => TaskKind.Flowable;

    public List<TaskDefinition>? Errors { get; set; }

    public List<TaskDefinition>? Finally { get; set; }

    /// <summary>Every direct child task, in all branches (including errors and finally).</summary>
    public IEnumerable<TaskDefinition> ChildTasks() => Branches().SelectMany(b => b).Concat(Errors ?? []).Concat(Finally ?? []);

    /// <summary>The task lists of this flowable besides <see cref="Errors"/> and <see cref="Finally"/>.</summary>
    protected abstract IEnumerable<IEnumerable<TaskDefinition>> Branches();
}
