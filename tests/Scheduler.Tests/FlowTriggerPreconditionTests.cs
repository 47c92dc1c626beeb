using Kite.Integration.Tests.Fixtures;
using Kite.Scheduler.Tests.Fixtures;

namespace Kite.Scheduler.Tests;

/// <summary>
/// Flow triggers that wait for several executions. Each test has a control listener that fires on every upstream
/// end, handled in the same step as the listener under test: once the control has fired, the listener has decided.
/// </summary>
[Collection(SchedulerCollection.Name)]
public sealed class FlowTriggerPreconditionTests(SchedulerFixture fixture)
{
    private static string Upstream(string ns, string id, bool fail = false) => $"""
        id: {id}
        namespace: {ns}
        tasks:
          - id: step
            {(fail ? "type: io.kestra.plugin.core.execution.Fail" : "type: io.kestra.plugin.core.log.Log\n    message: done")}
        """;

    private static string Control(string ns, string upstreamNamespace) => $"""
        id: control
        namespace: {ns}
        tasks:
          - id: log
            type: io.kestra.plugin.core.log.Log
            message: seen
        triggers:
          - id: every-end
            type: io.kestra.plugin.core.trigger.Flow
            conditions:
              - type: io.kestra.plugin.core.condition.ExecutionNamespace
                namespace: {upstreamNamespace}
                comparison: PREFIX
        """;

    [Fact]
    public async Task A_MultipleCondition_fires_once_both_named_flows_succeeded_then_waits_for_both_again()
    {
        await fixture.SaveFlowAsync("""
            id: listener
            namespace: listen.multi
            tasks:
              - id: log
                type: io.kestra.plugin.core.log.Log
                message: "{{ trigger.flowId }}"
            triggers:
              - id: both
                type: io.kestra.plugin.core.trigger.Flow
                conditions:
                  - type: io.kestra.plugin.core.condition.ExecutionStatus
                    in: [SUCCESS]
                  - type: io.kestra.plugin.core.condition.MultipleCondition
                    id: a-and-b
                    # A long window, so that the test never straddles the end of one.
                    window: P30D
                    conditions:
                      a:
                        type: io.kestra.plugin.core.condition.ExecutionFlow
                        namespace: multi.upstream
                        flowId: a
                      b:
                        type: io.kestra.plugin.core.condition.ExecutionFlow
                        namespace: multi.upstream
                        flowId: b
            """);
        await fixture.SaveFlowAsync(Control("listen.multi", "multi.upstream"));
        await Eventually.BecomesAsync(() => fixture.TriggerAsync("listen.multi", "listener", "both"), row => row is not null, "the listener's trigger has its row");
        await Eventually.BecomesAsync(() => fixture.TriggerAsync("listen.multi", "control", "every-end"), row => row is not null, "the control's trigger has its row");

        await RunSeenAsync(Upstream("multi.upstream", "a"), "listen.multi", 1);
        Assert.Empty(await fixture.ExecutionsAsync("listen.multi", "listener"));
        var b1 = await RunSeenAsync(Upstream("multi.upstream", "b"), "listen.multi", 2);
        var fired = Assert.Single(await fixture.ExecutionsAsync("listen.multi", "listener"));
        Assert.Equal(b1, fired.Trigger["executionId"]);

        // Reset on success: b alone does not fire again; a then completes the pair.
        await RunSeenAsync(Upstream("multi.upstream", "b"), "listen.multi", 3);
        Assert.Single(await fixture.ExecutionsAsync("listen.multi", "listener"));
        var a2 = await RunSeenAsync(Upstream("multi.upstream", "a"), "listen.multi", 4);
        var runs = await fixture.ExecutionsAsync("listen.multi", "listener");
        Assert.Equal(2, runs.Count);
        Assert.Equal(a2, runs[1].Trigger["executionId"]);

        await fixture.DeleteFlowAsync("listen.multi", "listener");
        await fixture.DeleteFlowAsync("listen.multi", "control");
    }

    [Fact]
    public async Task Preconditions_fire_only_once_the_upstream_flow_and_every_where_filter_were_met()
    {
        await fixture.SaveFlowAsync("""
            id: listener
            namespace: listen.where
            tasks:
              - id: log
                type: io.kestra.plugin.core.log.Log
                message: "{{ trigger.flowId }}"
            triggers:
              - id: extract-and-a-team-failure
                type: io.kestra.plugin.core.trigger.Flow
                preconditions:
                  id: p
                  flows:
                    - namespace: where.upstream
                      flowId: extract
                  where:
                    - id: team-failure
                      filters:
                        - field: NAMESPACE
                          type: STARTS_WITH
                          value: where.team
                        - field: STATE
                          type: EQUAL_TO
                          value: FAILED
                  timeWindow:
                    type: SLIDING_WINDOW
                    window: PT1H
            """);
        await fixture.SaveFlowAsync(Control("listen.where", "where."));
        await Eventually.BecomesAsync(() => fixture.TriggerAsync("listen.where", "listener", "extract-and-a-team-failure"), row => row is not null,
            "the listener's trigger has its row");
        await Eventually.BecomesAsync(() => fixture.TriggerAsync("listen.where", "control", "every-end"), row => row is not null, "the control's trigger has its row");

        await RunSeenAsync(Upstream("where.upstream", "extract"), "listen.where", 1);
        await RunSeenAsync(Upstream("where.team.one", "job"), "listen.where", 2);
        await RunSeenAsync(Upstream("where.other", "job", fail: true), "listen.where", 3);
        Assert.Empty(await fixture.ExecutionsAsync("listen.where", "listener"));

        var failure = await RunSeenAsync(Upstream("where.team.one", "broken", fail: true), "listen.where", 4);
        var fired = Assert.Single(await fixture.ExecutionsAsync("listen.where", "listener"));
        Assert.Equal(failure, fired.Trigger["executionId"]);

        await fixture.DeleteFlowAsync("listen.where", "listener");
        await fixture.DeleteFlowAsync("listen.where", "control");
    }

    /// <summary>Runs an upstream flow to its end and waits until the control has fired for it (its <paramref name="seen"/>-th run).</summary>
    private async Task<string> RunSeenAsync(string yaml, string listenerNamespace, int seen)
    {
        var execution = await fixture.Engine.RunAsync(yaml);
        await Eventually.BecomesAsync(() => fixture.ExecutionsAsync(listenerNamespace, "control"), r => r.Count >= seen,
            $"the control fired for upstream run {seen}");
        return execution.Id;
    }
}
