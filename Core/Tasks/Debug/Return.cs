namespace Kite.Core.Tasks.Debug;

/// <summary><c>io.kestra.plugin.core.debug.Return</c>: renders <see cref="Format"/> into the output <c>value</c>.</summary>
public sealed class Return : RunnableTask
{
    public string? Format { get; set; }
}
