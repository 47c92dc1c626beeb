using Kite.Core.Tasks.Flowable;

namespace Kite.Core.Executions;

/// <summary>A child execution a Subflow task run asks for, with its id chosen and its inputs and labels already rendered.</summary>
public sealed record SubflowLaunch(
    string TaskRunId,
    string ChildExecutionId,
    Subflow Task,
    Dictionary<string, object?> Inputs,
    Dictionary<string, string> Labels,
    DateTimeOffset? ScheduleDate)
{
    /// <summary>The inputs whose value holds a secret: the child may take them only as SECRET inputs, which it stores encrypted.</summary>
    public IReadOnlyList<string> SecretInputs { get; init; } = [];
}
