using Kite.Core.Executions.Resolution;
using Kite.Core.Tasks.Flowable;

namespace Kite.Core.Executions.Flowables;

/// <summary>
/// What a ForEach knows of its iterations between two resolutions: the runs of each value, the values still going,
/// and the first value not started. A resolution then looks only at the values still going and at the runs added
/// since it last looked, instead of every value and run, so a loop over 10,000 values costs each step little.
/// Kept on the loop's own run in memory only; a fresh read of the execution, or a restart, builds it again from the runs.
/// </summary>
public sealed class LoopProgress
{
    private readonly TaskRun loop;
    private readonly List<string> values;
    private readonly Dictionary<string, int> firstIteration = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<TaskRun>> runsByValue = new(StringComparer.Ordinal);
    private readonly List<TaskRun> outOfLoop = [];

    // Iterations started and not yet over, in order: each resolution walks these again.
    private readonly SortedSet<int> going = [];
    private readonly HashSet<string> started = new(StringComparer.Ordinal);
    private int scanned;
    private int nextIteration;
    private bool failed;

    public LoopProgress(TaskRun loop, List<string> values)
    {
        this.loop = loop;
        this.values = values;
        for (var i = 0; i < values.Count; i++)
        {
            firstIteration.TryAdd(values[i], i);
        }
    }

    /// <summary>The loop's next move: runs to create, wait, or its final state once every value it started is over.</summary>
    public Resolution.Resolution Resolve(ForEach forEach, IReadOnlyList<TaskRun> executionRuns)
    {
        TakeNewRuns(executionRuns);
        var planned = new List<PlannedRun>();
        var active = 0;
        foreach (var iteration in going.ToList())
        {
            var value = values[iteration];
            var progress = Sequence.Walk(forEach.Tasks, runsByValue.GetValueOrDefault(value) ?? [], value, iteration);
            failed |= progress.Failed;
            if (progress.Done)
            {
                going.Remove(iteration);
                continue;
            }

            active++;
            if (progress.Next is { } next)
            {
                planned.Add(next);
            }
        }

        if (!failed)
        {
            StartValues(forEach, forEach.ConcurrencyLimit <= 0 ? int.MaxValue : forEach.ConcurrencyLimit - active, planned);
        }

        if (planned.Count > 0)
        {
            return new CreateRuns(planned);
        }

        if (active > 0)
        {
            return Resolution.Resolution.Wait;
        }

        return Sequence.Conclude(failed, FinalState.Of(runsByValue.Values.SelectMany(r => r)), forEach.Errors, forEach.Finally, outOfLoop);
    }

    /// <summary>Runs are only ever appended to the execution (a restart, which removes some, drops this progress).</summary>
    private void TakeNewRuns(IReadOnlyList<TaskRun> executionRuns)
    {
        for (; scanned < executionRuns.Count; scanned++)
        {
            var run = executionRuns[scanned];
            if (run.ParentTaskRunId != loop.Id)
            {
                continue;
            }

            if (run.Value is not { } value)
            {
                outOfLoop.Add(run);
                continue;
            }

            if (!runsByValue.TryGetValue(value, out var runs))
            {
                runsByValue[value] = runs = [];
            }

            runs.Add(run);
            if (started.Add(value) && firstIteration.TryGetValue(value, out var iteration))
            {
                going.Add(iteration);
            }
        }
    }

    /// <summary>Values not started yet, in order, as long as there is room; a value listed twice runs once.</summary>
    private void StartValues(ForEach forEach, int room, List<PlannedRun> planned)
    {
        for (; room > 0 && nextIteration < values.Count; nextIteration++)
        {
            var value = values[nextIteration];
            if (!started.Add(value))
            {
                continue;
            }

            // With every task disabled a value has nothing to run, and counts as over.
            if (Sequence.Walk(forEach.Tasks, [], value, nextIteration).Next is { } first)
            {
                planned.Add(first);
                going.Add(nextIteration);
                room--;
            }
        }
    }
}
