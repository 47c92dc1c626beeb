namespace Kite.Core.Expressions;

/// <summary>
/// How much one top-level render may do. Past a limit the render fails with an <see cref="ExpressionException"/> naming it,
/// so that an expression that recurses or allocates without bound fails its task run instead of the executor or worker process.
/// </summary>
public sealed record RenderBudget
{
    public static RenderBudget Default { get; } = new();

    /// <summary>How deeply <c>render()</c> and <c>renderOnce()</c> may nest: an expression that renders itself stops here.</summary>
    public int MaxRenderDepth { get; init; } = 32;

    /// <summary>The longest text, in characters, a render may build: its output, any string, and any list or map it builds, as printed.</summary>
    public int MaxLength { get; init; } = 16 * 1024 * 1024;

    /// <summary>
    /// Steps of one render: each loop iteration, each item <c>range()</c> or <c>yaml()</c> builds and each <c>render()</c> call is one.
    /// Nested loops multiply: the inner loop's iterations count again in every iteration of the outer one.
    /// </summary>
    public long MaxSteps { get; init; } = 1_000_000;

    /// <summary>Wall-clock time of one render, for work the counts above do not see; zero or less for none.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);
}
