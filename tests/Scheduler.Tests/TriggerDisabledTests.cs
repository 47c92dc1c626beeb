using Kite.Integration.Tests.Fixtures;
using Kite.Scheduler.Tests.Fixtures;

namespace Kite.Scheduler.Tests;

[Collection(SchedulerCollection.Name)]
public sealed class TriggerDisabledTests(SchedulerFixture fixture)
{
    private static string Flow(string extra = "") => $"""
        id: byhand
        namespace: disabled.byhand
        {extra}
        tasks:
          - id: t
            type: io.kestra.plugin.core.log.Log
            message: "{"{{ trigger.date }}"}"
        triggers:
          - id: every2s
            type: io.kestra.plugin.core.trigger.Schedule
            cron: "*/2 * * * * *"
            withSeconds: true
        """;

    [Fact]
    public async Task A_trigger_disabled_by_hand_stays_disabled_when_its_flow_is_saved_again_until_the_flow_itself_changes_disabled()
    {
        await fixture.SaveFlowAsync(Flow());
        await Eventually.BecomesAsync(() => fixture.TriggerAsync("disabled.byhand", "byhand", "every2s"), t => t is not null, "the trigger row is created");

        // What PUT /triggers {disabled: true} writes.
        await SetDisabledAsync(true);
        await fixture.SaveFlowAsync(Flow("description: saved again"));
        await Eventually.BecomesAsync(RevisionAsync, r => r == 2, "the row takes revision 2");
        Assert.True((await fixture.TriggerAsync("disabled.byhand", "byhand", "every2s"))!.Disabled);

        // The flow's own disabled changing is the flow's say, and it wins: off, then on again.
        await fixture.SaveFlowAsync(Flow("disabled: true"));
        await Eventually.BecomesAsync(RevisionAsync, r => r == 3, "the row takes revision 3");
        Assert.True((await fixture.TriggerAsync("disabled.byhand", "byhand", "every2s"))!.Disabled);
        await fixture.SaveFlowAsync(Flow("disabled: false"));
        await Eventually.BecomesAsync(RevisionAsync, r => r == 4, "the row takes revision 4");
        Assert.False((await fixture.TriggerAsync("disabled.byhand", "byhand", "every2s"))!.Disabled);

        var enabledAt = DateTimeOffset.UtcNow;
        await Eventually.BecomesAsync(() => fixture.ExecutionsAsync("disabled.byhand", "byhand"), runs => runs.Any(r => r.Created > enabledAt),
            "the enabled schedule fires again", TimeSpan.FromSeconds(30));
        await fixture.DeleteFlowAsync("disabled.byhand", "byhand");
    }

    private async Task SetDisabledAsync(bool disabled)
    {
        await using var command = fixture.Data.CreateCommand("UPDATE triggers SET disabled = @disabled WHERE namespace = 'disabled.byhand' AND flow_id = 'byhand'");
        command.Parameters.AddWithValue("disabled", disabled);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<int> RevisionAsync()
    {
        await using var command = fixture.Data.CreateCommand("SELECT flow_revision FROM triggers WHERE namespace = 'disabled.byhand' AND flow_id = 'byhand'");
        return (int)(await command.ExecuteScalarAsync() ?? 0);
    }
}
