using Kite.Core.Executions;

namespace Kite.Core.Scheduling;

/// <summary>The execution whose state change a Flow trigger reacts to.</summary>
public sealed record TriggeringExecution(
    string Id,
    string Namespace,
    string FlowId,
    int FlowRevision,
    State State,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyDictionary<string, object?>? Outputs);
