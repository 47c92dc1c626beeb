using Kite.Core.Validation;

namespace Kite.Core.Tasks.Flowable;

/// <summary><c>io.kestra.plugin.core.flow.If</c>: runs <see cref="Then"/> when the condition renders truthy, else <see cref="Else"/>.</summary>
public sealed class If : FlowableTask
{
    [Required]
    public string Condition { get; set; } = "";

    [Required, NotEmpty]
    public List<TaskDefinition> Then { get; set; } = [];

    public List<TaskDefinition>? Else { get; set; }

    protected override IEnumerable<IEnumerable<TaskDefinition>> Branches() => [Then, Else ?? []];
}
