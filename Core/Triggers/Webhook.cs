using Kite.Core.Validation;

namespace Kite.Core.Triggers;

/// <summary><c>io.kestra.plugin.core.trigger.Webhook</c>: starts an execution on an HTTP call to its key.</summary>
public sealed class Webhook : Trigger
{
    [Required]
    public string Key { get; set; } = "";

    public bool Wait { get; set; }

    public bool ReturnOutputs { get; set; }

    public Dictionary<string, object?>? Inputs { get; set; }
}
