using Kite.Core.Tasks.Scripts;
using Kite.Worker.Scripts;

namespace Kite.Worker.Runners;

/// <summary><c>io.kestra.plugin.scripts.shell.Script</c>: its inline <c>script</c>.</summary>
public sealed class ScriptRunner : ShellTaskRunner<Script>
{
    protected override IEnumerable<string> Lines(Script task) => [task.Source];
}
