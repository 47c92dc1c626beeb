using Kite.Core.Executions;

namespace Kite.Core.Tests.Executions;

public sealed class TaskRunIndexTests
{
    private static TaskRun Run(string id) => new() { Id = id, TaskId = "t", History = new StateHistory(State.Created, DateTimeOffset.UnixEpoch) };

    [Fact]
    public void Runs_appended_after_the_first_lookup_are_found()
    {
        var runs = new List<TaskRun> { Run("a") };
        var index = new TaskRunIndex(runs);
        Assert.Same(runs[0], index.Find("a"));

        runs.Add(Run("b"));

        Assert.Same(runs[1], index.Find("b"));
        Assert.Null(index.Find("missing"));
    }

    [Fact]
    public void Runs_removed_from_the_middle_are_not_found_and_the_runs_after_them_still_are()
    {
        var runs = new List<TaskRun> { Run("a"), Run("b"), Run("c") };
        var index = new TaskRunIndex(runs);
        Assert.Same(runs[2], index.Find("c"));

        runs.RemoveAt(1);
        runs.Add(Run("d"));

        Assert.Null(index.Find("b"));
        Assert.Same(runs[1], index.Find("c"));
        Assert.Same(runs[2], index.Find("d"));
    }

    [Fact]
    public void A_run_replaced_by_a_copy_at_its_place_is_found_as_the_copy()
    {
        var runs = new List<TaskRun> { Run("a") };
        var index = new TaskRunIndex(runs);
        Assert.NotNull(index.Find("a"));

        runs[0] = Run("a");

        Assert.Same(runs[0], index.Find("a"));
    }
}
