using Kite.Core.Validation;

namespace Kite.Core.Tasks.Scripts;

/// <summary><c>io.kestra.plugin.scripts.shell.Commands</c>: runs shell commands.</summary>
public sealed class Commands : ShellTask
{
    [Required, NotEmpty, Key("commands")]
    public List<string> Lines { get; set; } = [];
}
