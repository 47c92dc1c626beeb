using Kite.Core.Tasks.Debug;
using Kite.Worker.Jobs;

namespace Kite.Worker.Runners;

/// <summary>Renders <c>format</c> into the output <c>value</c>.</summary>
public sealed class ReturnRunner : TaskRunner<Return>
{
    protected override Task<Dictionary<string, object?>?> RunAsync(Return task, TaskRunContext context, CancellationToken cancellationToken) =>
        Task.FromResult<Dictionary<string, object?>?>(new() { ["value"] = task.Format is null ? null : context.RenderText(task.Format) });
}
