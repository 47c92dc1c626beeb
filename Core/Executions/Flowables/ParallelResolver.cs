using Kite.Core.Executions.Resolution;
using Kite.Core.Tasks;
using Kite.Core.Tasks.Flowable;

namespace Kite.Core.Executions.Flowables;

/// <summary>
/// Starts every child not yet started, at most <c>concurrent</c> at a time (0: all). After a failure nothing new
/// starts; once the running children end, <c>errors</c> and <c>finally</c> run one after the other.
/// </summary>
public sealed class ParallelResolver : IFlowableResolver
{
    public Resolution.Resolution Resolve(FlowableTask task, TaskRun run, FlowableScope scope)
    {
        var parallel = (Tasks.Flowable.Parallel)task;
        return Concurrently(parallel.Tasks, parallel.Concurrent, task, scope.Children(run), _ => true);
    }

    /// <summary>Shared with the Dag: <paramref name="eligible"/> says which not-yet-started tasks may start now.</summary>
    public static Resolution.Resolution Concurrently(
        IReadOnlyList<TaskDefinition> tasks, int limit, FlowableTask owner, IReadOnlyList<TaskRun> runs, Func<TaskDefinition, bool> eligible)
    {
        var enabled = tasks.Where(t => !t.Disabled).ToList();
        var main = Sequence.RunsOf(enabled, runs).ToList();
        var running = main.Count(r => !r.State.IsTerminated());
        var failed = main.Any(r => r.State.IsFailed());
        var pending = enabled.Where(t => main.All(r => r.TaskId != t.Id)).ToList();
        if (!failed && pending.Count > 0)
        {
            var room = limit <= 0 ? pending.Count : limit - running;
            var start = pending.Where(eligible).Take(Math.Max(room, 0)).Select(t => new PlannedRun(t)).ToArray();
            if (start.Length > 0)
            {
                return Resolution.Resolution.Create(start);
            }

            if (running > 0)
            {
                return Resolution.Resolution.Wait;
            }
        }

        if (running > 0)
        {
            return Resolution.Resolution.Wait;
        }

        return Sequence.Conclude(failed || pending.Count > 0, FinalState.Of(main), owner.Errors, owner.Finally, runs);
    }
}
