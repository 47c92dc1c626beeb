using Kite.Core.Validation;

namespace Kite.Core.Tasks.Flowable;

/// <summary><c>io.kestra.plugin.core.flow.Parallel</c>: runs its tasks at once, at most <see cref="Concurrent"/> (0: no limit).</summary>
public sealed class Parallel : FlowableTask
{
    [Required, NotEmpty]
    public List<TaskDefinition> Tasks { get; set; } = [];

    public int Concurrent { get; set; }

    protected override IEnumerable<IEnumerable<TaskDefinition>> Branches() => [Tasks];
}
