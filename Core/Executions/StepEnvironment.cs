using Kite.Core.Expressions;

namespace Kite.Core.Executions;

/// <summary>What a step needs from outside, supplied by the host: the clock, new ids, secrets, the <c>envs</c> variables and the render budget.</summary>
public sealed record StepEnvironment(DateTimeOffset Now, Func<string> NewId)
{
    public ISecretStore? Secrets { get; init; }
    public IReadOnlyDictionary<string, object?> Envs { get; init; } = new Dictionary<string, object?>();

    /// <summary>The id of a new execution (a Subflow's child); task-run ids by default.</summary>
    public Func<string>? ExecutionIds { get; init; }

    public string NewExecutionId() => (ExecutionIds ?? NewId)();

    /// <summary>
    /// The limits of every render in the step. The executor renders while it holds the execution's row lock, so its host
    /// gives a shorter time limit than a worker's.
    /// </summary>
    public RenderBudget Budget { get; init; } = RenderBudget.Default;

    /// <summary>A number in [0, 1) for random retry intervals; tests fix it.</summary>
    public Func<double> Random { get; init; } = System.Random.Shared.NextDouble;
}
