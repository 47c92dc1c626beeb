using Kite.Core.Tasks.Scripts;
using Kite.Worker.Scripts;
using Microsoft.Extensions.Options;

namespace Kite.Worker.Runners;

/// <summary><c>io.kestra.plugin.scripts.shell.Commands</c>: its <c>commands</c>, one after the other, in one shell.</summary>
public sealed class CommandsRunner(IOptions<WorkerOptions> options) : ShellTaskRunner<Commands>(options)
{
    protected override IEnumerable<string> Lines(Commands task) => task.Lines;
}
