using Kite.Core.Flows;
using Kite.Core.Validation;

namespace Kite.Core.Tasks.Scripts;

/// <summary>Where a script runs (<c>taskRunner: {type: ...}</c>).</summary>
public abstract class TaskRunner : FlowElement
{
    [NotInYaml]
    public string Type { get; set; } = "";

    public string? Version { get; set; }
}
