using Kite.Core.Flows;
using Kite.Core.Validation;

namespace Kite.Core.Inputs;

/// <summary>An input of a flow (or of a Pause's resume form). Each type turns a submitted value into its typed form.</summary>
public abstract class Input : FlowElement
{
    [Required, Id(IdKind.Input)]
    public string Id { get; set; } = "";

    [NotInYaml]
    public abstract InputType Type { get; }

    public string? Description { get; set; }

    public string? DisplayName { get; set; }

    public bool Required { get; set; } = true;

    /// <summary>The value when none is submitted; may be an expression.</summary>
    public object? Defaults { get; set; }

    /// <summary>A suggested value shown in the form, not used when nothing is submitted.</summary>
    public object? Prefill { get; set; }

    public InputDependsOn? DependsOn { get; set; }

    /// <summary>The typed value of a submitted one (often a string from a form), or <see cref="FormatException"/> saying why not.</summary>
    public abstract object Coerce(object value);

    protected static string Text(object value) => value switch
    {
        string s => s,
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
