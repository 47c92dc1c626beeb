using Kite.Core.Tasks.Flowable;

namespace Kite.Core.Executions;

/// <summary>A child execution a Subflow task run asks for, with its inputs and labels already rendered.</summary>
public sealed record SubflowLaunch(
    string TaskRunId,
    Subflow Task,
    Dictionary<string, object?> Inputs,
    Dictionary<string, string> Labels,
    DateTimeOffset? ScheduleDate);
