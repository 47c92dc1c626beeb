using Kite.Core.Tasks;

namespace Kite.Core.Executions.Resolution;

/// <summary>
/// Kestra's sequential resolution: the tasks one after the other, stopping at the first failure; then the
/// <c>errors</c> tasks if one failed; then the <c>finally</c> tasks in every case. The scope's state comes from
/// the main tasks only, so a successful <c>errors</c> branch does not rescue it.
/// </summary>
public static class Sequence
{
    public static ListProgress Walk(IEnumerable<TaskDefinition> tasks, IReadOnlyList<TaskRun> runs, string? value = null, int? iteration = null)
    {
        foreach (var task in tasks.Where(t => !t.Disabled))
        {
            var run = Last(runs, task.Id);
            if (run is null)
            {
                return new ListProgress(new PlannedRun(task, value, iteration), Waiting: false, Failed: false);
            }

            if (!run.State.IsTerminated())
            {
                return new ListProgress(null, Waiting: true, Failed: false);
            }

            if (run.State.IsFailed())
            {
                return new ListProgress(null, Waiting: false, Failed: true);
            }
        }

        return new ListProgress(null, Waiting: false, Failed: false);
    }

    public static Resolution Resolve(IReadOnlyList<TaskDefinition> tasks, IReadOnlyList<TaskDefinition>? errors, IReadOnlyList<TaskDefinition>? @finally, IReadOnlyList<TaskRun> runs)
    {
        var main = Walk(tasks, runs);
        return main switch
        {
            { Next: { } next } => Resolution.Create(next),
            { Waiting: true } => Resolution.Wait,
            _ => Conclude(main.Failed, FinalState.Of(RunsOf(tasks, runs)), errors, @finally, runs),
        };
    }

    /// <summary>After the main part: <c>errors</c> when it failed, then <c>finally</c>, then done in <paramref name="mainState"/>.</summary>
    public static Resolution Conclude(bool mainFailed, State mainState, IReadOnlyList<TaskDefinition>? errors, IReadOnlyList<TaskDefinition>? @finally, IReadOnlyList<TaskRun> runs)
    {
        foreach (var branch in new[] { mainFailed ? errors : null, @finally })
        {
            if (branch is not { Count: > 0 })
            {
                continue;
            }

            var progress = Walk(branch, runs);
            if (progress.Next is { } next)
            {
                return Resolution.Create(next);
            }

            if (progress.Waiting)
            {
                return Resolution.Wait;
            }
        }

        return Resolution.Done(mainState);
    }

    public static IEnumerable<TaskRun> RunsOf(IEnumerable<TaskDefinition> tasks, IReadOnlyList<TaskRun> runs)
    {
        var ids = tasks.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        return runs.Where(r => ids.Contains(r.TaskId));
    }

    private static TaskRun? Last(IReadOnlyList<TaskRun> runs, string taskId)
    {
        for (var i = runs.Count - 1; i >= 0; i--)
        {
            if (runs[i].TaskId == taskId)
            {
                return runs[i];
            }
        }

        return null;
    }
}
