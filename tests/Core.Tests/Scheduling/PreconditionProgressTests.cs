using System.Globalization;
using Kite.Core.Executions;
using Kite.Core.Expressions;
using Kite.Core.Scheduling;
using Kite.Core.Triggers;
using Kite.Core.Triggers.Conditions;

namespace Kite.Core.Tests.Scheduling;

/// <summary>Preconditions (upstream flows and <c>where</c> filters) and deprecated MultipleConditions, met by several executions within a window.</summary>
public class PreconditionProgressTests
{
    private static readonly DateTimeOffset Ten = DateTimeOffset.Parse("2026-11-23T10:00:00Z", CultureInfo.InvariantCulture);

    private static TriggeringExecution Run(string flow, State state = State.Success, string ns = "n", Dictionary<string, string>? labels = null) =>
        new($"{flow}-{state}", ns, flow, 1, state, labels ?? [], null);

    private static bool Record(PreconditionProgress progress, FlowTrigger trigger, TriggeringExecution execution, DateTimeOffset now) =>
        progress.Record(PreconditionSet.Of(trigger), execution, RenderContext.Empty, now);

    private static FlowTrigger UpstreamAandB(TimeWindow? window = null, bool resetOnSuccess = true) => new()
    {
        Preconditions = new Preconditions
        {
            Flows = [new UpstreamFlow { Namespace = "n", FlowId = "a" }, new UpstreamFlow { Namespace = "n", FlowId = "b" }],
            TimeWindow = window ?? new TimeWindow { Window = "PT1H" },
            ResetOnSuccess = resetOnSuccess,
        },
    };

    [Fact]
    public void Preconditions_fire_once_every_upstream_flow_succeeded_within_the_window_then_start_over()
    {
        var trigger = UpstreamAandB();
        var progress = new PreconditionProgress();

        Assert.False(Record(progress, trigger, Run("a"), Ten));
        Assert.False(Record(progress, trigger, Run("b", State.Failed), Ten.AddMinutes(1)));
        Assert.True(Record(progress, trigger, Run("b"), Ten.AddMinutes(2)));
        Assert.False(Record(progress, trigger, Run("a"), Ten.AddMinutes(3)));
        // The hour's window has passed: the a of 10:03 no longer counts.
        Assert.False(Record(progress, trigger, Run("b"), Ten.AddHours(2)));
    }

    [Fact]
    public void A_duration_window_is_aligned_on_midnight_plus_windowAdvance_not_on_the_first_execution()
    {
        var trigger = UpstreamAandB(new TimeWindow { Window = "PT1H" });
        var progress = new PreconditionProgress();
        Assert.False(Record(progress, trigger, Run("a"), Ten.AddMinutes(59)));
        Assert.False(Record(progress, trigger, Run("b"), Ten.AddMinutes(61)));

        var advanced = UpstreamAandB(new TimeWindow { Window = "PT1H", WindowAdvance = "PT30M" });
        progress = new PreconditionProgress();
        Assert.False(Record(progress, advanced, Run("a"), Ten.AddMinutes(59)));
        Assert.True(Record(progress, advanced, Run("b"), Ten.AddMinutes(61)));
    }

    [Fact]
    public void Without_resetOnSuccess_each_execution_meeting_a_condition_fires_again_but_an_unrelated_one_does_not()
    {
        var trigger = UpstreamAandB(resetOnSuccess: false);
        var progress = new PreconditionProgress();
        Assert.False(Record(progress, trigger, Run("a"), Ten));
        Assert.True(Record(progress, trigger, Run("b"), Ten.AddMinutes(1)));
        Assert.True(Record(progress, trigger, Run("a"), Ten.AddMinutes(2)));
        Assert.False(Record(progress, trigger, Run("c"), Ten.AddMinutes(3)));
    }

    [Fact]
    public void A_daily_deadline_counts_nothing_after_its_time()
    {
        var trigger = UpstreamAandB(new TimeWindow { Type = TimeWindowType.DailyTimeDeadline, Deadline = new TimeOnly(9, 0) });
        var progress = new PreconditionProgress();
        Assert.False(Record(progress, trigger, Run("a"), Ten.AddHours(-3)));
        Assert.True(Record(progress, trigger, Run("b"), Ten.AddHours(-1.5)));

        progress = new PreconditionProgress();
        Assert.False(Record(progress, trigger, Run("a"), Ten.AddHours(-2)));
        Assert.False(Record(progress, trigger, Run("b"), Ten));
    }

    [Fact]
    public void Each_where_entry_must_also_be_met_by_some_execution_within_the_window()
    {
        var trigger = new FlowTrigger
        {
            Preconditions = new Preconditions
            {
                Flows = [new UpstreamFlow { Namespace = "n", FlowId = "a" }],
                Where =
                [
                    new PreconditionFilter
                    {
                        Id = "team_failure",
                        Filters =
                        [
                            new FilterCondition { Field = FilterField.Namespace, Type = FilterType.StartsWith, Value = "team" },
                            new FilterCondition { Field = FilterField.State, Type = FilterType.EqualTo, Value = "FAILED" },
                        ],
                    },
                ],
            },
        };
        var progress = new PreconditionProgress();
        Assert.False(Record(progress, trigger, Run("a"), Ten));
        Assert.False(Record(progress, trigger, Run("x", State.Failed, ns: "other"), Ten.AddMinutes(1)));
        Assert.False(Record(progress, trigger, Run("x", State.Success, ns: "team.one"), Ten.AddMinutes(2)));
        Assert.True(Record(progress, trigger, Run("x", State.Failed, ns: "team.one"), Ten.AddMinutes(3)));
    }

    [Fact]
    public void Preconditions_with_only_where_entries_wait_for_them()
    {
        var trigger = new FlowTrigger
        {
            Preconditions = new Preconditions
            {
                Where =
                [
                    new PreconditionFilter { Id = "one", Filters = [new FilterCondition { Field = FilterField.FlowId, Type = FilterType.EqualTo, Value = "a" }] },
                    new PreconditionFilter { Id = "two", Filters = [new FilterCondition { Field = FilterField.FlowId, Type = FilterType.EqualTo, Value = "b" }] },
                ],
            },
        };
        var progress = new PreconditionProgress();
        Assert.False(Record(progress, trigger, Run("a"), Ten));
        Assert.True(Record(progress, trigger, Run("b"), Ten.AddMinutes(1)));
    }

    [Fact]
    public void A_MultipleCondition_fires_once_each_named_condition_was_met_within_its_window_then_resets()
    {
        var trigger = new FlowTrigger
        {
            Conditions =
            [
                new ExecutionStatus { In = [State.Success] },
                new MultipleCondition
                {
                    Id = "both",
                    Window = "PT1H",
                    Conditions = new()
                    {
                        ["first"] = new ExecutionFlow { Namespace = "n", FlowId = "a" },
                        ["second"] = new ExecutionFlow { Namespace = "n", FlowId = "b" },
                    },
                },
            ],
        };
        var progress = new PreconditionProgress();
        Assert.False(Record(progress, trigger, Run("a"), Ten));
        Assert.True(Record(progress, trigger, Run("b"), Ten.AddMinutes(1)));
        Assert.False(Record(progress, trigger, Run("b"), Ten.AddMinutes(2)));
        Assert.True(Record(progress, trigger, Run("a"), Ten.AddMinutes(3)));
        // Past the hour the window starts over.
        Assert.False(Record(progress, trigger, Run("a"), Ten.AddMinutes(59)));
        Assert.False(Record(progress, trigger, Run("b"), Ten.AddMinutes(61)));
    }

    [Fact]
    public void A_MultipleCondition_window_defaults_to_one_day_from_midnight()
    {
        var trigger = new FlowTrigger
        {
            Conditions =
            [
                new MultipleCondition
                {
                    Id = "both",
                    Conditions = new() { ["a"] = new ExecutionFlow { Namespace = "n", FlowId = "a" }, ["b"] = new ExecutionFlow { Namespace = "n", FlowId = "b" } },
                },
            ],
        };
        var progress = new PreconditionProgress();
        Assert.False(Record(progress, trigger, Run("a"), Ten.AddHours(-9)));
        Assert.True(Record(progress, trigger, Run("b"), Ten.AddHours(13)));
        Assert.False(Record(progress, trigger, Run("a"), Ten.AddHours(13)));
        Assert.False(Record(progress, trigger, Run("b"), Ten.AddHours(14)));
    }

    [Fact]
    public void The_gate_of_a_Flow_trigger_leaves_MultipleConditions_to_the_stored_progress()
    {
        var trigger = new FlowTrigger
        {
            Conditions =
            [
                new ExecutionStatus { In = [State.Success] },
                new MultipleCondition { Id = "m", Conditions = new() { ["a"] = new ExecutionFlow { Namespace = "n", FlowId = "a" } } },
            ],
        };
        Assert.True(FlowTriggerMatcher.Matches(trigger, Run("z"), RenderContext.Empty));
        Assert.False(FlowTriggerMatcher.Matches(trigger, Run("z", State.Failed), RenderContext.Empty));
    }

    [Fact]
    public void Progress_kept_for_conditions_the_trigger_no_longer_has_is_dropped()
    {
        var progress = new PreconditionProgress { Met = { ["flows[0]"] = Ten, ["preconditions/flows[0]"] = Ten } };
        Assert.True(Record(progress, UpstreamAandB(), Run("b"), Ten.AddMinutes(1)));
        Assert.Empty(progress.Met);
    }
}
