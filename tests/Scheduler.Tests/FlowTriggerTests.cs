using Kite.Integration.Tests.Fixtures;
using Kite.Scheduler.Tests.Fixtures;

namespace Kite.Scheduler.Tests;

[Collection(SchedulerCollection.Name)]
public sealed class FlowTriggerTests(SchedulerFixture fixture)
{
    [Fact]
    public async Task A_flow_trigger_on_FAILED_fires_for_a_failed_upstream_execution_only()
    {
        await fixture.SaveFlowAsync("""
            id: listener
            namespace: flows.listen
            tasks:
              - id: log
                type: io.kestra.plugin.core.log.Log
                message: "{{ trigger.executionId }} {{ trigger.state }}"
            triggers:
              - id: on-failure
                type: io.kestra.plugin.core.trigger.Flow
                states: [FAILED]
                conditions:
                  - type: io.kestra.plugin.core.condition.ExecutionNamespace
                    namespace: flows.upstream
            """);
        await Eventually.BecomesAsync(() => fixture.TriggerAsync("flows.listen", "listener", "on-failure"), row => row is not null, "the Flow trigger has its row");

        var succeeded = await fixture.Engine.RunAsync("""
            id: ok
            namespace: flows.upstream
            tasks:
              - id: log
                type: io.kestra.plugin.core.log.Log
                message: fine
            """);
        var failed = await fixture.Engine.RunAsync("""
            id: bad
            namespace: flows.upstream
            tasks:
              - id: fail
                type: io.kestra.plugin.core.execution.Fail
            """);
        Assert.Equal("SUCCESS", succeeded.State);
        Assert.Equal("FAILED", failed.State);

        var runs = await Eventually.BecomesAsync(() => fixture.ExecutionsAsync("flows.listen", "listener"), r => r.Count >= 1, "the listener started");
        var run = Assert.Single(runs);
        Assert.Equal(failed.Id, run.Trigger["executionId"]);
        Assert.Equal("FAILED", run.Trigger["state"]);
        Assert.Equal("bad", run.Trigger["flowId"]);
        var ended = await fixture.Engine.WaitForEndAsync(run.Id);
        Assert.Equal("SUCCESS", ended.State);
        Assert.Contains(await fixture.Engine.LogsAsync(run.Id), l => l.Message == $"{failed.Id} FAILED");
        await fixture.DeleteFlowAsync("flows.listen", "listener");
    }
}
