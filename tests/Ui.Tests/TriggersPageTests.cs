using Kite.Ui.Tests.Fixtures;
using Microsoft.Playwright;
using Npgsql;
using static Microsoft.Playwright.Assertions;

namespace Kite.Ui.Tests;

[Collection(UiCollection.Name)]
public sealed class TriggersPageTests(UiFixture ui)
{
    [Fact]
    public async Task A_locked_schedule_is_disabled_enabled_and_unlocked_from_the_triggers_page()
    {
        await ui.SaveFlowAsync("""
            id: hourly
            namespace: ui.triggers

            tasks:
              - id: hello
                type: io.kestra.plugin.core.log.Log
                message: hello
            triggers:
              - id: schedule
                type: io.kestra.plugin.core.trigger.Schedule
                cron: "0 * * * *"
            """);
        await SeedLockedAsync("ui.triggers", "hourly", "schedule", "lockingexec");
        var page = await ui.NewPageAsync();
        await page.GotoAsync("/ui/triggers?namespace=ui.triggers");
        var row = page.Locator(".triggers-row", new() { HasText = "ui.triggers.hourly" });
        await Expect(row).ToContainTextAsync("locked by lockingexec");

        await row.GetByRole(AriaRole.Button, new() { Name = "Disable" }).ClickAsync();
        await Expect(row.GetByRole(AriaRole.Button, new() { Name = "Enable" })).ToBeVisibleAsync();
        await row.GetByRole(AriaRole.Button, new() { Name = "Enable" }).ClickAsync();
        await Expect(row.GetByRole(AriaRole.Button, new() { Name = "Disable" })).ToBeVisibleAsync();

        await row.GetByRole(AriaRole.Button, new() { Name = "Unlock" }).ClickAsync();
        await Expect(row).ToContainTextAsync("unlocked");
        await Expect(row.GetByRole(AriaRole.Button, new() { Name = "Unlock" })).ToHaveCountAsync(0);
    }

    // This fixture runs no scheduler: the row stands in for the one its trigger sync would write.
    private async Task SeedLockedAsync(string ns, string flowId, string triggerId, string executionId)
    {
        await using var connection = new NpgsqlConnection(ui.Database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "INSERT INTO triggers (namespace, flow_id, trigger_id, flow_revision, type, next_execution_date, execution_id, locked_at, disabled, updated_at) " +
            "VALUES (@ns, @flow, @trigger, 1, 'io.kestra.plugin.core.trigger.Schedule', now() + interval '1 hour', @execution, now(), false, now())", connection);
        command.Parameters.AddWithValue("ns", ns);
        command.Parameters.AddWithValue("flow", flowId);
        command.Parameters.AddWithValue("trigger", triggerId);
        command.Parameters.AddWithValue("execution", executionId);
        await command.ExecuteNonQueryAsync();
    }
}
