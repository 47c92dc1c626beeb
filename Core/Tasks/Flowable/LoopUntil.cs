using Kite.Core.Validation;

namespace Kite.Core.Tasks.Flowable;

/// <summary><c>io.kestra.plugin.core.flow.LoopUntil</c> (alias WaitFor): re-runs its tasks until the condition renders true.</summary>
public sealed class LoopUntil : FlowableTask
{
    [Required, NotEmpty]
    public List<TaskDefinition> Tasks { get; set; } = [];

    [Required]
    public string Condition { get; set; } = "";

    public bool FailOnMaxReached { get; set; }

    public CheckFrequency? CheckFrequency { get; set; }

    protected override IEnumerable<IEnumerable<TaskDefinition>> Branches() => [Tasks];
}
