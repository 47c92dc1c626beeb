using Kite.Core.Validation;

namespace Kite.Core.Tasks.Scripts;

/// <summary><c>io.kestra.plugin.scripts.shell.Script</c>: runs an inline shell script.</summary>
public sealed class Script : ShellTask
{
    [Required, Key("script")]
    public string Source { get; set; } = "";
}
