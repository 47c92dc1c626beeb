using Kite.Core.Tasks.Scripts;
using Kite.Worker.Scripts;
using Microsoft.Extensions.Options;

namespace Kite.Worker.Runners;

/// <summary><c>io.kestra.plugin.scripts.shell.Script</c>: its inline <c>script</c>.</summary>
public sealed class ScriptRunner(IOptions<WorkerOptions> options) : ShellTaskRunner<Script>(options)
{
    protected override IEnumerable<string> Lines(Script task) => [task.Source];
}
