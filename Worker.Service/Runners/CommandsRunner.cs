using Kite.Core.Tasks.Scripts;
using Kite.Worker.Scripts;

namespace Kite.Worker.Runners;

/// <summary><c>io.kestra.plugin.scripts.shell.Commands</c>: its <c>commands</c>, one after the other, in one shell.</summary>
public sealed class CommandsRunner : ShellTaskRunner<Commands>
{
    protected override IEnumerable<string> Lines(Commands task) => task.Lines;
}
