using Kite.Core.Executions.Context;
using Kite.Core.Tasks.Outputs;
using Kite.Worker.Jobs;

namespace Kite.Worker.Runners;

/// <summary>Renders its values into the output <c>values</c>.</summary>
public sealed class OutputValuesRunner : TaskRunner<OutputValues>
{
    protected override Task<Dictionary<string, object?>?> RunAsync(OutputValues task, TaskRunContext context, CancellationToken cancellationToken) =>
        Task.FromResult<Dictionary<string, object?>?>(new() { ["values"] = ValueRenderer.Render(task.Values ?? [], context.Render) });
}
