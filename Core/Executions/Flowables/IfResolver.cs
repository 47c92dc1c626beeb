using Kite.Core.Executions.Context;
using Kite.Core.Executions.Resolution;
using Kite.Core.Expressions;
using Kite.Core.Tasks;
using Kite.Core.Tasks.Flowable;

namespace Kite.Core.Executions.Flowables;

/// <summary>Renders the condition once, keeps it as the <c>evaluationResult</c> output, then runs <c>then</c> or <c>else</c>.</summary>
public sealed class IfResolver : IFlowableResolver
{
    public Resolution.Resolution Resolve(FlowableTask task, TaskRun run, FlowableScope scope)
    {
        var @if = (If)task;
        if (run.Outputs is null)
        {
            var result = ValueRenderer.IsTruthy(TemplateEngine.Render(@if.Condition, scope.Context(run, task)));
            scope.SetOutputs(run, new Dictionary<string, object?> { ["evaluationResult"] = result });
        }

        var branch = run.Outputs!["evaluationResult"] is true ? @if.Then : @if.Else ?? [];
        return Sequence.Resolve(branch, task.Errors, task.Finally, scope.Children(run));
    }
}
