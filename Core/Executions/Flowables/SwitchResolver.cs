using Kite.Core.Executions.Resolution;
using Kite.Core.Expressions;
using Kite.Core.Tasks;
using Kite.Core.Tasks.Flowable;

namespace Kite.Core.Executions.Flowables;

/// <summary>Renders the value once (outputs <c>value</c> and <c>defaults</c>), then runs the matching case or the defaults.</summary>
public sealed class SwitchResolver : IFlowableResolver
{
    public Resolution.Resolution Resolve(FlowableTask task, TaskRun run, FlowableScope scope)
    {
        var @switch = (Switch)task;
        if (run.Outputs is null)
        {
            var value = TemplateEngine.Render(@switch.Value, scope.Context(run, task));
            var matched = @switch.Cases?.ContainsKey(value) ?? false;
            scope.SetOutputs(run, new Dictionary<string, object?> { ["value"] = value, ["defaults"] = !matched });
        }

        var chosen = (string)run.Outputs!["value"]!;
        var branch = @switch.Cases?.GetValueOrDefault(chosen) ?? @switch.Defaults ?? [];
        return Sequence.Resolve(branch, task.Errors, task.Finally, scope.Children(run));
    }
}
