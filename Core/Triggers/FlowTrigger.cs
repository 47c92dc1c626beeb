using Kite.Core.Executions;

namespace Kite.Core.Triggers;

/// <summary><c>io.kestra.plugin.core.trigger.Flow</c>: starts an execution when other executions change state.</summary>
public sealed class FlowTrigger : Trigger
{
    public Dictionary<string, object?>? Inputs { get; set; }

    /// <summary>Absent means the terminated states and PAUSED.</summary>
    public List<State>? States { get; set; }

    public Preconditions? Preconditions { get; set; }
}
