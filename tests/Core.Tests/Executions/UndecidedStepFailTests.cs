using Kite.Core.Executions;

namespace Kite.Core.Tests.Executions;

public sealed class UndecidedStepFailTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static Execution Created() => new()
    {
        Id = "e1",
        Namespace = "kite.tests",
        FlowId = "f",
        FlowRevision = 1,
        History = new StateHistory(State.Created, Start),
    };

    [Fact]
    public void An_admitted_start_that_cannot_be_decided_shows_RUNNING_then_FAILED_so_its_concurrency_slot_is_given_back()
    {
        var execution = Created();

        var result = UndecidedStep.Fail(execution, Start.AddSeconds(1), new KeyNotFoundException("x"), started: true);

        Assert.Equal([State.Created, State.Running, State.Failed], execution.History.Changes.Select(c => c.State));
        Assert.True(result.Killed && result.StateChanged);
        Assert.Contains("KeyNotFoundException: x", Assert.Single(result.Logs).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_execution_that_never_started_goes_straight_to_FAILED_and_an_ended_one_is_left_alone()
    {
        var execution = Created();
        UndecidedStep.Fail(execution, Start.AddSeconds(1), new InvalidOperationException("y"));
        Assert.Equal([State.Created, State.Failed], execution.History.Changes.Select(c => c.State));

        var again = UndecidedStep.Fail(execution, Start.AddSeconds(2), new InvalidOperationException("z"));

        Assert.False(again.Changed);
        Assert.Equal(2, execution.History.Changes.Count);
    }
}
