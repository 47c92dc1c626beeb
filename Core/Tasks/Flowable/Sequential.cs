using Kite.Core.Validation;

namespace Kite.Core.Tasks.Flowable;

/// <summary><c>io.kestra.plugin.core.flow.Sequential</c>: runs its tasks one after the other.</summary>
public sealed class Sequential : FlowableTask
{
    [Required, NotEmpty]
    public List<TaskDefinition> Tasks { get; set; } = [];

    protected override IEnumerable<IEnumerable<TaskDefinition>> Branches() => [Tasks];
}
