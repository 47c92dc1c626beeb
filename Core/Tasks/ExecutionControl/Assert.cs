using Kite.Core.Validation;

namespace Kite.Core.Tasks.ExecutionControl;

/// <summary><c>io.kestra.plugin.core.execution.Assert</c>: fails the task unless every condition renders true.</summary>
public sealed class Assert : RunnableTask
{
    [Required, NotEmpty]
    public List<string> Conditions { get; set; } = [];

    public string? ErrorMessage { get; set; }
}
