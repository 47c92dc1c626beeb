using Kite.Integration.Tests.Fixtures;
using Kite.Scheduler.Tests.Fixtures;

namespace Kite.Scheduler.Tests;

[Collection(SchedulerCollection.Name)]
public sealed class FlowTriggerStopAfterTests(SchedulerFixture fixture)
{
    private const string Upstream = """
        id: up
        namespace: stop.upstream
        tasks:
          - id: log
            type: io.kestra.plugin.core.log.Log
            message: done
        """;

    [Fact]
    public async Task A_flow_trigger_with_stopAfter_FAILED_is_disabled_once_an_execution_it_started_fails_and_fires_no_more()
    {
        await fixture.SaveFlowAsync("""
            id: listener
            namespace: listen.stop
            tasks:
              - id: fail
                type: io.kestra.plugin.core.execution.Fail
            triggers:
              - id: on-upstream
                type: io.kestra.plugin.core.trigger.Flow
                states: [SUCCESS]
                stopAfter: [FAILED]
                conditions:
                  - type: io.kestra.plugin.core.condition.ExecutionFlow
                    namespace: stop.upstream
                    flowId: up
            """);
        // The same trigger without stopAfter: each upstream end it fires for shows that end was handled.
        await fixture.SaveFlowAsync("""
            id: control
            namespace: listen.stop
            tasks:
              - id: fail
                type: io.kestra.plugin.core.execution.Fail
            triggers:
              - id: on-upstream
                type: io.kestra.plugin.core.trigger.Flow
                states: [SUCCESS]
                conditions:
                  - type: io.kestra.plugin.core.condition.ExecutionFlow
                    namespace: stop.upstream
                    flowId: up
            """);
        await Eventually.BecomesAsync(() => fixture.TriggerAsync("listen.stop", "listener", "on-upstream"), row => row is not null, "the listener's trigger has its row");
        await Eventually.BecomesAsync(() => fixture.TriggerAsync("listen.stop", "control", "on-upstream"), row => row is not null, "the control's trigger has its row");

        var first = await fixture.Engine.RunAsync(Upstream);
        var runs = await Eventually.BecomesAsync(() => fixture.ExecutionsAsync("listen.stop", "listener"), r => r.Count >= 1, "the listener started");
        var run = Assert.Single(runs);
        Assert.Equal(first.Id, run.Trigger["executionId"]);
        Assert.Equal("FAILED", (await fixture.Engine.WaitForEndAsync(run.Id)).State);

        await Eventually.BecomesAsync(() => fixture.TriggerAsync("listen.stop", "listener", "on-upstream"), row => row!.Disabled,
            "the listener's trigger is disabled by stopAfter");
        var control = await Eventually.BecomesAsync(() => fixture.ExecutionsAsync("listen.stop", "control"), r => r.Count >= 1, "the control started");
        await fixture.Engine.WaitForEndAsync(Assert.Single(control).Id);
        Assert.False((await fixture.TriggerAsync("listen.stop", "control", "on-upstream"))!.Disabled);

        await fixture.Engine.RunAsync(Upstream);
        await Eventually.BecomesAsync(() => fixture.ExecutionsAsync("listen.stop", "control"), r => r.Count >= 2, "the control fired for the second upstream run");
        Assert.Single(await fixture.ExecutionsAsync("listen.stop", "listener"));

        await fixture.DeleteFlowAsync("listen.stop", "listener");
        await fixture.DeleteFlowAsync("listen.stop", "control");
    }
}
