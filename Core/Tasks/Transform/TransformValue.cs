using Kite.Core.Validation;

namespace Kite.Core.Tasks.Transform;

/// <summary><c>io.kestra.plugin.transform.jsonata.TransformValue</c>: applies a JSONata expression to a JSON value.</summary>
public sealed class TransformValue : RunnableTask
{
    [Required]
    public string From { get; set; } = "";

    [Required]
    public string Expression { get; set; } = "";

    public int? MaxDepth { get; set; }
}
