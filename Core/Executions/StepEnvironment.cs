using Kite.Core.Expressions;

namespace Kite.Core.Executions;

/// <summary>What a step needs from outside, supplied by the host: the clock, new ids, secrets and the <c>envs</c> variables.</summary>
public sealed record StepEnvironment(DateTimeOffset Now, Func<string> NewId)
{
    public ISecretStore? Secrets { get; init; }
    public IReadOnlyDictionary<string, object?> Envs { get; init; } = new Dictionary<string, object?>();

    /// <summary>The id of a new execution (a Subflow's child); task-run ids by default.</summary>
    public Func<string>? ExecutionIds { get; init; }

    public string NewExecutionId() => (ExecutionIds ?? NewId)();

    /// <summary>A number in [0, 1) for random retry intervals; tests fix it.</summary>
    public Func<double> Random { get; init; } = System.Random.Shared.NextDouble;
}
