using Kite.Core.Tasks;

namespace Kite.Core.Executions.Resolution;

/// <summary>What a scope (the flow itself, or a running flowable task run) needs next.</summary>
public abstract record Resolution
{
    public static Resolution Wait { get; } = new Waiting();

    public static Resolution Create(params PlannedRun[] runs) => new CreateRuns(runs);

    public static Resolution Done(State state) => new ScopeDone(state);
}

/// <summary>New task runs to create in the scope.</summary>
public sealed record CreateRuns(IReadOnlyList<PlannedRun> Runs) : Resolution;

/// <summary>Task runs of the scope are still going: nothing to do.</summary>
public sealed record Waiting : Resolution;

/// <summary>Nothing to do before <paramref name="Due"/>: the executor stores a timer and looks again then.</summary>
public sealed record WaitingUntil(DateTimeOffset Due) : Resolution;

/// <summary>Every task run of the scope is over; the scope ends in <paramref name="State"/>.</summary>
public sealed record ScopeDone(State State) : Resolution;

/// <summary>A task run to create: the task, and the loop value and iteration it runs for.</summary>
public sealed record PlannedRun(TaskDefinition Task, string? Value = null, int? Iteration = null);
