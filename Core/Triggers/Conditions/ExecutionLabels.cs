using Kite.Core.Flows;
using Kite.Core.Validation;

namespace Kite.Core.Triggers.Conditions;

/// <summary><c>io.kestra.plugin.core.condition.ExecutionLabels</c>: the triggering execution has all these labels.</summary>
public sealed class ExecutionLabels : Condition
{
    [Required, NotEmpty]
    public List<Label> Labels { get; set; } = [];
}
