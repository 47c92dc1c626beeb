using Kite.Core.Validation;

namespace Kite.Core.Tasks.Flowable;

/// <summary><c>io.kestra.plugin.core.flow.Dag</c>: runs each task once all the tasks it depends on have ended.</summary>
public sealed class Dag : FlowableTask
{
    [Required, NotEmpty]
    public List<DagTask> Tasks { get; set; } = [];

    public int Concurrent { get; set; }

    protected override IEnumerable<IEnumerable<TaskDefinition>> Branches() => [Tasks.Where(t => t.Task is not null).Select(t => t.Task)];
}
