using Kite.Core.Tasks;
using Kite.Core.Tasks.Flowable;

namespace Kite.Core.Executions.Flowables;

/// <summary>Like Parallel, but a task starts only once every task it depends on has ended without failing.</summary>
public sealed class DagResolver : IFlowableResolver
{
    public Resolution.Resolution Resolve(FlowableTask task, TaskRun run, FlowableScope scope)
    {
        var dag = (Dag)task;
        var runs = scope.Children(run);
        var dependencies = dag.Tasks.ToDictionary(n => n.Task.Id, n => n.DependsOn ?? [], StringComparer.Ordinal);
        bool Ready(TaskDefinition candidate) => dependencies[candidate.Id].All(dependency =>
            runs.LastOrDefault(r => r.TaskId == dependency) is { } done && done.State.IsTerminated() && !done.State.IsFailed());
        return ParallelResolver.Concurrently([.. dag.Tasks.Select(n => n.Task)], dag.Concurrent, task, runs, Ready);
    }
}
