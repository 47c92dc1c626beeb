namespace Kite.Core.Expressions;

/// <summary>
/// What an expression can see: the root variables (inputs, outputs, vars, execution, flow, task, taskrun,
/// parent, parents, trigger, labels, envs, tasks...) and the services functions need (secrets, clock, error logs).
/// The engine builds one per task run with <see cref="RenderVariables"/>.
/// </summary>
public sealed class RenderContext(IReadOnlyDictionary<string, object?> variables)
{
    public IReadOnlyDictionary<string, object?> Variables { get; } = variables;

    public ISecretStore? Secrets { get; init; }

    public IKvStore? Kv { get; init; }

    public IFileStore? Files { get; init; }

    /// <summary>Random source of <c>randomInt</c>, <c>nanoId</c>, <c>id</c> and <c>ksuid</c>; tests pass a seeded one.</summary>
    public Random Random { get; init; } = Random.Shared;

    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>The error logs of the execution, for <c>errorLogs()</c>.</summary>
    public Func<IReadOnlyList<object?>>? ErrorLogs { get; init; }

    /// <summary>The namespace secrets are read from (usually <c>flow.namespace</c>).</summary>
    public string? Namespace { get; init; }

    /// <summary>The limits of each render with this context; hosts may set their own.</summary>
    public RenderBudget Budget { get; init; } = RenderBudget.Default;

    public static RenderContext Empty { get; } = new(new Dictionary<string, object?>());
}
