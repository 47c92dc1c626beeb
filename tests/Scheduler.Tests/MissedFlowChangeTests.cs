using Kite.Integration.Tests.Fixtures;
using Kite.Scheduler.Tests.Fixtures;

namespace Kite.Scheduler.Tests;

/// <summary>A flow revision whose FlowChanged never arrived (the broker did not confirm the Api's publish) still reaches the triggers.</summary>
[Collection(SchedulerCollection.Name)]
public sealed class MissedFlowChangeTests(SchedulerFixture fixture)
{
    private const string Schedule = """
        id: missed
        namespace: missed.change
        tasks:
          - id: t
            type: io.kestra.plugin.core.log.Log
            message: hello
        triggers:
          - id: hourly
            type: io.kestra.plugin.core.trigger.Schedule
            cron: "0 * * * *"
        """;

    [Fact]
    public async Task A_saved_flow_whose_FlowChanged_was_lost_gets_its_trigger_rows_from_the_monitoring_loop_and_loses_them_when_they_are_removed()
    {
        await InsertRevisionAsync(1, Schedule, """{"id": "missed", "triggers": [{"id": "hourly"}]}""");
        var row = await Eventually.BecomesAsync(() => fixture.TriggerAsync("missed.change", "missed", "hourly"), r => r is not null,
            "the schedule's row exists without any FlowChanged", TimeSpan.FromSeconds(15));
        Assert.NotNull(row!.NextExecutionDate);

        await InsertRevisionAsync(2, Schedule[..Schedule.IndexOf("triggers:", StringComparison.Ordinal)], """{"id": "missed"}""");
        await Eventually.BecomesAsync(() => fixture.TriggerAsync("missed.change", "missed", "hourly"), r => r is null,
            "the removed schedule's row is gone without any FlowChanged", TimeSpan.FromSeconds(15));
    }

    /// <summary>A revision saved a minute ago (past the consumer's settling time) and never announced.</summary>
    private async Task InsertRevisionAsync(int revision, string source, string model)
    {
        await using var command = fixture.Data.CreateCommand(
            "INSERT INTO flows (namespace, id, revision, source, model, deleted, updated_at) " +
            "VALUES ('missed.change', 'missed', @revision, @source, @model::jsonb, false, now() - interval '1 minute')");
        command.Parameters.AddWithValue("revision", revision);
        command.Parameters.AddWithValue("source", source);
        command.Parameters.AddWithValue("model", model);
        await command.ExecuteNonQueryAsync();
    }
}
