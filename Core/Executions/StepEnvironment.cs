using Kite.Core.Expressions;
using Kite.Core.Secrets;

namespace Kite.Core.Executions;

/// <summary>What a step needs from outside, supplied by the host: the clock, new ids, secrets and their mask, the <c>envs</c> variables and the render budget.</summary>
public sealed record StepEnvironment(DateTimeOffset Now, Func<string> NewId)
{
    public ISecretStore? Secrets { get; init; }

    /// <summary>Decrypts the SECRET inputs the step's renders read.</summary>
    public SecretCipher? Cipher { get; init; }

    /// <summary>
    /// Every secret the step's renders read (<c>secret()</c>, SECRET inputs): masked in what the step writes (the flow
    /// outputs, labels, its log lines), and never given to a Subflow input that would store it as plain text.
    /// </summary>
    public SecretMask Mask { get; init; } = new();
    public IReadOnlyDictionary<string, object?> Envs { get; init; } = new Dictionary<string, object?>();

    /// <summary>The id of a new execution (a Subflow's child); task-run ids by default.</summary>
    public Func<string>? ExecutionIds { get; init; }

    public string NewExecutionId() => (ExecutionIds ?? NewId)();

    /// <summary>
    /// The limits of every render in the step. The executor renders while it holds the execution's row lock, so its host
    /// gives a shorter time limit than a worker's.
    /// </summary>
    public RenderBudget Budget { get; init; } = RenderBudget.Default;

    /// <summary>
    /// The most a job's variables may take in its message (<see cref="MessageSize"/>): RabbitMQ 4 refuses messages over
    /// 16 MiB by default, so a task reading more outputs than that fails with a message saying so instead of a job
    /// that can never be sent.
    /// </summary>
    public long MaxJobBytes { get; init; } = 15 * MessageSize.Mebibyte;

    /// <summary>A number in [0, 1) for random retry intervals; tests fix it.</summary>
    public Func<double> Random { get; init; } = System.Random.Shared.NextDouble;
}
