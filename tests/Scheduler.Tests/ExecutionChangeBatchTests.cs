using Kite.Integration.Tests.Fixtures;
using Kite.Messaging.Contracts;
using Kite.Scheduler.Tests.Fixtures;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Kite.Scheduler.Tests;

/// <summary>ExecutionChanged events handled in batches: what each event asks for is done, whatever else shares its batch.</summary>
[Collection(SchedulerCollection.Name)]
public sealed class ExecutionChangeBatchTests(SchedulerFixture fixture)
{
    private const string Namespace = "batch.locks";

    // Yearly: the evaluation loop leaves these schedules alone while the test locks and releases them.
    private static string YearlyFlow(string id, string stopAfter = "") => $"""
        id: {id}
        namespace: {Namespace}
        tasks:
          - id: t
            type: io.kestra.plugin.core.log.Log
            message: hi
        triggers:
          - id: yearly
            type: io.kestra.plugin.core.trigger.Schedule
            cron: "0 0 1 1 *"
            {stopAfter}
        """;

    [Fact]
    public async Task Among_many_ended_executions_delivered_together_exactly_those_holding_a_schedule_release_it_and_stopAfter_applies_to_their_end_state()
    {
        var flows = new[] { "fails-with-stop", "fails-without-stop", "succeeds-with-stop", "ends-later" };
        await fixture.SaveFlowAsync(YearlyFlow(flows[0], "stopAfter: [FAILED]"));
        await fixture.SaveFlowAsync(YearlyFlow(flows[1]));
        await fixture.SaveFlowAsync(YearlyFlow(flows[2], "stopAfter: [FAILED]"));
        await fixture.SaveFlowAsync(YearlyFlow(flows[3], "stopAfter: [FAILED]"));
        var holders = new Dictionary<string, string>();
        foreach (var flow in flows)
        {
            await Eventually.BecomesAsync(() => fixture.TriggerAsync(Namespace, flow, "yearly"), row => row is not null, $"{flow} has its trigger row");
            holders[flow] = $"holder-{flow}-{Guid.NewGuid():N}";
            await LockAsync(flow, holders[flow]);
        }

        var events = Enumerable.Range(0, 60)
            .Select(i => Changed($"bystander-{i}-{Guid.NewGuid():N}", "elsewhere", i % 2 == 0 ? "SUCCESS" : "FAILED"))
            .Append(Changed(holders[flows[0]], flows[0], "FAILED"))
            .Append(Changed(holders[flows[1]], flows[1], "FAILED"))
            .Append(Changed(holders[flows[2]], flows[2], "SUCCESS"))
            .Append(Changed(holders[flows[3]], flows[3], "RUNNING"))
            // An event no replica can make sense of is dropped alone, not with the batch it came in.
            .Append(Changed($"garbled-{Guid.NewGuid():N}", "elsewhere", "NOT_A_STATE"))
            .OrderBy(_ => Random.Shared.Next())
            .ToList();
        await fixture.Schedulers[0].Services.GetRequiredService<IPublishEndpoint>().PublishBatch(events);

        foreach (var flow in flows[..3])
        {
            await Eventually.BecomesAsync(() => fixture.TriggerAsync(Namespace, flow, "yearly"), row => row!.ExecutionId is null, $"{flow}'s schedule is released");
        }

        Assert.True((await fixture.TriggerAsync(Namespace, flows[0], "yearly"))!.Disabled);
        Assert.False((await fixture.TriggerAsync(Namespace, flows[1], "yearly"))!.Disabled);
        Assert.False((await fixture.TriggerAsync(Namespace, flows[2], "yearly"))!.Disabled);

        // Ending later releases the last one; until then the RUNNING event left it locked and enabled.
        Assert.Equal(holders[flows[3]], (await fixture.TriggerAsync(Namespace, flows[3], "yearly"))!.ExecutionId);
        await fixture.Schedulers[0].Services.GetRequiredService<IPublishEndpoint>().Publish(Changed(holders[flows[3]], flows[3], "FAILED"));
        var last = await Eventually.BecomesAsync(() => fixture.TriggerAsync(Namespace, flows[3], "yearly"), row => row!.ExecutionId is null, "the last schedule is released");
        Assert.True(last!.Disabled);

        foreach (var flow in flows)
        {
            await fixture.DeleteFlowAsync(Namespace, flow);
        }
    }

    [Fact]
    public async Task Flow_triggers_fire_once_for_each_matching_execution_among_many_ending_together_and_not_again_when_their_events_come_twice()
    {
        await fixture.SaveFlowAsync("""
            id: on-failed
            namespace: batch.listen
            tasks:
              - id: log
                type: io.kestra.plugin.core.log.Log
                message: "{{ trigger.executionId }}"
            triggers:
              - id: failed
                type: io.kestra.plugin.core.trigger.Flow
                states: [FAILED]
                conditions:
                  - type: io.kestra.plugin.core.condition.ExecutionNamespace
                    namespace: batch.upstream
            """);
        // A state that does not end the execution: its event is no less a cause.
        await fixture.SaveFlowAsync("""
            id: on-running
            namespace: batch.listen
            tasks:
              - id: log
                type: io.kestra.plugin.core.log.Log
                message: "{{ trigger.executionId }}"
            triggers:
              - id: running
                type: io.kestra.plugin.core.trigger.Flow
                states: [RUNNING]
                conditions:
                  - type: io.kestra.plugin.core.condition.ExecutionFlow
                    namespace: batch.upstream
                    flowId: ok
            """);
        await Eventually.BecomesAsync(() => fixture.TriggerAsync("batch.listen", "on-failed", "failed"), row => row is not null, "on-failed has its trigger row");
        await Eventually.BecomesAsync(() => fixture.TriggerAsync("batch.listen", "on-running", "running"), row => row is not null, "on-running has its trigger row");

        // Saved first, so that the executions can be started all at once.
        await fixture.Engine.SaveFlowAsync(Fail);
        await fixture.Engine.SaveFlowAsync(Ok);
        var failing = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => fixture.Engine.StartAsync(Fail)));
        var succeeding = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => fixture.Engine.StartAsync(Ok)));
        foreach (var id in failing.Concat(succeeding))
        {
            await fixture.Engine.WaitForEndAsync(id);
        }

        await Eventually.BecomesAsync(() => CausesAsync("on-failed"), c => c.Count >= failing.Length, "on-failed fired for each failure");
        await Eventually.BecomesAsync(() => CausesAsync("on-running"), c => c.Count >= succeeding.Length, "on-running fired for each run of ok");

        // The same events again, as a redelivered batch brings them, then one more failure, published after them.
        var again = failing.Select(id => Changed(id, "fail", "FAILED", "batch.upstream"))
            .Concat(succeeding.Select(id => Changed(id, "ok", "RUNNING", "batch.upstream")))
            .Concat(succeeding.Select(id => Changed(id, "ok", "SUCCESS", "batch.upstream")))
            .ToList();
        await fixture.Schedulers[0].Services.GetRequiredService<IPublishEndpoint>().PublishBatch(again);
        var later = await fixture.Engine.StartAsync(Fail);
        await fixture.Engine.WaitForEndAsync(later);
        var onFailed = await Eventually.BecomesAsync(() => CausesAsync("on-failed"), c => c.Contains(later), "on-failed fired for the later failure");

        Assert.Equal([.. failing.Append(later).Order(StringComparer.Ordinal)], onFailed.Order(StringComparer.Ordinal));
        Assert.Equal([.. succeeding.Order(StringComparer.Ordinal)], (await CausesAsync("on-running")).Order(StringComparer.Ordinal));

        await fixture.DeleteFlowAsync("batch.listen", "on-failed");
        await fixture.DeleteFlowAsync("batch.listen", "on-running");
    }

    private const string Fail = """
        id: fail
        namespace: batch.upstream
        tasks:
          - id: fail
            type: io.kestra.plugin.core.execution.Fail
        """;

    private const string Ok = """
        id: ok
        namespace: batch.upstream
        tasks:
          - id: log
            type: io.kestra.plugin.core.log.Log
            message: fine
        """;

    private static ExecutionChanged Changed(string executionId, string flowId, string state, string @namespace = Namespace) =>
        new(executionId, @namespace, flowId, state, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow);

    /// <summary>The execution that caused each run of the listener, one entry per run.</summary>
    private async Task<List<string>> CausesAsync(string listener) =>
        [.. (await fixture.ExecutionsAsync("batch.listen", listener)).Select(r => (string)r.Trigger["executionId"]!)];

    /// <summary>What the evaluation loop writes when it fires a schedule; locked a long while ahead, so no heal releases it meanwhile.</summary>
    private async Task LockAsync(string flowId, string executionId)
    {
        await using var command = fixture.Data.CreateCommand(
            "UPDATE triggers SET execution_id = @id, locked_at = now() + interval '1 hour' WHERE namespace = @ns AND flow_id = @flow AND trigger_id = 'yearly'");
        command.Parameters.AddWithValue("id", executionId);
        command.Parameters.AddWithValue("ns", Namespace);
        command.Parameters.AddWithValue("flow", flowId);
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }
}
