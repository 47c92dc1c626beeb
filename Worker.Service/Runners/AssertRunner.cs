using Kite.Core.Executions;
using Kite.Core.Executions.Context;
using Kite.Core.Tasks.ExecutionControl;
using Kite.Worker.Jobs;

namespace Kite.Worker.Runners;

/// <summary>Fails unless every condition renders true, naming each one that did not.</summary>
public sealed class AssertRunner : TaskRunner<Assert>
{
    protected override async Task<Dictionary<string, object?>?> RunAsync(Assert task, TaskRunContext context, CancellationToken cancellationToken)
    {
        var failed = task.Conditions.Where(c => !ValueRenderer.IsTruthy(context.RenderText(c))).ToList();
        foreach (var condition in failed)
        {
            await context.LogAsync("ERROR", $"assertion is false: {condition}", cancellationToken);
        }

        return failed.Count == 0
            ? null
            : throw new TaskFailedException(task.ErrorMessage is { } message ? context.RenderText(message) : $"{failed.Count} assertion(s) failed: {string.Join(", ", failed)}");
    }
}
