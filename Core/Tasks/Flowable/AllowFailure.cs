using Kite.Core.Validation;

namespace Kite.Core.Tasks.Flowable;

/// <summary><c>io.kestra.plugin.core.flow.AllowFailure</c>: a Sequential whose failure ends as WARNING.</summary>
public sealed class AllowFailure : FlowableTask
{
    [Required, NotEmpty]
    public List<TaskDefinition> Tasks { get; set; } = [];

    protected override IEnumerable<IEnumerable<TaskDefinition>> Branches() => [Tasks];
}
