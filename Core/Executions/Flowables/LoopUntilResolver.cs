using Kite.Core.Executions.Context;
using Kite.Core.Executions.Resolution;
using Kite.Core.Expressions;
using Kite.Core.Tasks;
using Kite.Core.Tasks.Flowable;

namespace Kite.Core.Executions.Flowables;

/// <summary>
/// LoopUntil: runs its tasks as iteration 0, 1, ... until <c>condition</c> renders true after an iteration, waiting
/// <c>checkFrequency.interval</c> between iterations (a stored timer, not a sleeping thread). Reaching
/// <c>maxIterations</c> or <c>maxDuration</c> ends it, FAILED only with <c>failOnMaxReached</c>.
/// </summary>
public sealed class LoopUntilResolver : IFlowableResolver
{
    public Resolution.Resolution Resolve(FlowableTask task, TaskRun run, FlowableScope scope)
    {
        var loop = (LoopUntil)task;
        var children = scope.Children(run);
        var current = children.Count == 0 ? 0 : children.Max(c => c.Iteration ?? 0);
        var inIteration = children.Where(c => (c.Iteration ?? 0) == current).ToList();
        var progress = Sequence.Walk(loop.Tasks, inIteration, iteration: current);
        if (progress.Next is { } next)
        {
            return Resolution.Resolution.Create(next);
        }

        if (progress.Waiting)
        {
            return Resolution.Resolution.Wait;
        }

        var count = current + 1;
        scope.SetOutputs(run, new Dictionary<string, object?> { ["iterationCount"] = count });
        if (progress.Failed)
        {
            return Sequence.Conclude(true, State.Failed, task.Errors, task.Finally, children);
        }

        if (ValueRenderer.IsTruthy(TemplateEngine.Render(loop.Condition, scope.Context(run, task))))
        {
            return Sequence.Conclude(false, FinalState.Of(Sequence.RunsOf(loop.Tasks, inIteration)), task.Errors, task.Finally, children);
        }

        var frequency = loop.CheckFrequency ?? new CheckFrequency();
        var maxDuration = frequency.MaxDuration is { } duration ? TaskTimes.Read(duration, "checkFrequency.maxDuration", scope.Context(run, task)) : (TimeSpan?)null;
        if (count >= (frequency.MaxIterations ?? int.MaxValue) || scope.Now - run.History.StartDate >= maxDuration)
        {
            return Sequence.Conclude(loop.FailOnMaxReached, loop.FailOnMaxReached ? State.Failed : State.Success, task.Errors, task.Finally, children);
        }

        var ended = inIteration.Select(c => c.History.EndDate ?? scope.Now).DefaultIfEmpty(scope.Now).Max();
        var due = frequency.Interval is { } interval ? TaskTimes.After(ended, TaskTimes.Read(interval, "checkFrequency.interval", scope.Context(run, task)), "checkFrequency.interval") : ended;
        return due > scope.Now
            ? new WaitingUntil(due)
            : Resolution.Resolution.Create(new PlannedRun(loop.Tasks.First(t => !t.Disabled), Iteration: count));
    }
}
