namespace Kite.Core.Tasks.Outputs;

/// <summary><c>io.kestra.plugin.core.output.OutputValues</c>: renders <see cref="Values"/> into the task's outputs.</summary>
public sealed class OutputValues : RunnableTask
{
    public Dictionary<string, object?>? Values { get; set; }
}
