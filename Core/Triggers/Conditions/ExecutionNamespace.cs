using Kite.Core.Validation;

namespace Kite.Core.Triggers.Conditions;

/// <summary><c>io.kestra.plugin.core.condition.ExecutionNamespace</c>: the triggering execution's namespace matches.</summary>
public sealed class ExecutionNamespace : Condition
{
    [Required]
    public string Namespace { get; set; } = "";

    /// <summary>Absent means EQUALS, or PREFIX when the deprecated <see cref="Prefix"/> is true.</summary>
    public NamespaceComparison? Comparison { get; set; }

    /// <summary>Deprecated: use <c>comparison: PREFIX</c>.</summary>
    public bool Prefix { get; set; }
}
