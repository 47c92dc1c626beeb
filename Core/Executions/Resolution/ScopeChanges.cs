namespace Kite.Core.Executions.Resolution;

/// <summary>
/// The scopes a step resolves in each pass: the parents of runs whose state changed since the last pass, and changed
/// flowables themselves (<see cref="Root"/> for the flow's own lists). Only runs not over when the step began, and
/// runs added since, are looked at: an ended run changes again only through a restart, a resume or a timer, and the
/// step looks at every run after those. A step of a 10,000-run loop then looks at the few runs still going.
/// </summary>
public sealed class ScopeChanges
{
    public const string Root = "";

    private readonly List<TaskRun> runs;
    private List<TaskRun> open = [];
    private int seen;

    public ScopeChanges(List<TaskRun> runs)
    {
        this.runs = runs;
        foreach (var run in runs)
        {
            run.ResolvedState = run.State;
            run.Changed = false;
            if (!run.State.IsTerminated())
            {
                open.Add(run);
            }
        }

        seen = runs.Count;
    }

    /// <summary>The runs not over at the last look, in creation order.</summary>
    public IReadOnlyList<TaskRun> Open => open;

    /// <summary>The scopes whose runs changed since the last call; null (every scope) when <paramref name="everything"/>.</summary>
    public HashSet<string>? Next(bool everything)
    {
        var watched = everything ? runs : open;
        if (!everything)
        {
            for (; seen < runs.Count; seen++)
            {
                open.Add(runs[seen]);
            }
        }

        HashSet<string>? changed = everything ? null : new(StringComparer.Ordinal);
        var stillOpen = new List<TaskRun>(watched.Count);
        foreach (var run in watched)
        {
            if (run.ResolvedState != run.State)
            {
                run.ResolvedState = run.State;
                changed?.Add(run.ParentTaskRunId ?? Root);
                changed?.Add(run.Id);
            }

            if (!run.State.IsTerminated())
            {
                stillOpen.Add(run);
            }
        }

        open = stillOpen;
        seen = runs.Count;
        return changed;
    }
}
