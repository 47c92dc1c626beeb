using Kite.Core.Executions.Events;

namespace Kite.Executor.Steps;

/// <summary>What consumers call: events go through the coalescer, and each step runs in a scope of its own.</summary>
public sealed class ExecutionSteps(StepCoalescer coalescer, IServiceScopeFactory scopes, IHostApplicationLifetime lifetime)
{
    public Task RunAsync(string executionId, IReadOnlyList<ExecutionEvent> events) =>
        coalescer.SubmitAsync(executionId, events, async all =>
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ExecutionStepRunner>().RunAsync(executionId, all, lifetime.ApplicationStopping);
        });
}
