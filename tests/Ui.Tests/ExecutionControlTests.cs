using Kite.Ui.Tests.Fixtures;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kite.Ui.Tests;

[Collection(UiCollection.Name)]
public sealed class ExecutionControlTests(UiFixture ui)
{
    [Fact]
    public async Task Restarting_a_failed_execution_runs_its_failed_task_again_as_a_second_attempt()
    {
        await ui.SaveFlowAsync("""
            id: failing
            namespace: ui.restart

            tasks:
              - id: before
                type: io.kestra.plugin.core.debug.Return
                format: ok
              - id: boom
                type: io.kestra.plugin.core.execution.Fail
                errorMessage: on purpose
            """);
        var id = await ui.StartAsync("ui.restart", "failing");
        var page = await ui.NewPageAsync();
        await page.GotoAsync($"/ui/executions/{id}");
        var state = page.Locator(".page-header .badge");
        await Expect(state).ToHaveTextAsync("FAILED", new() { Timeout = 30_000 });
        await Expect(page.Locator("[data-task-id='boom'] .muted")).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Button, new() { Name = "Restart" }).ClickAsync();

        // The page follows the execution again: the failed task runs a second attempt, which fails as the first did.
        await Expect(page.Locator("[data-task-id='boom']")).ToContainTextAsync("×2", new() { Timeout = 30_000 });
        await Expect(state).ToHaveTextAsync("FAILED", new() { Timeout = 30_000 });
        await Expect(page.Locator("[data-task-id='before']")).ToHaveAttributeAsync("data-state", "SUCCESS");
        await page.GetByRole(AriaRole.Link, new() { Name = "Overview" }).ClickAsync();
        await Expect(page.Locator(".overview li", new() { HasText = "RESTARTED" })).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task Killing_a_sleeping_execution_ends_it_KILLED()
    {
        await ui.SaveFlowAsync("""
            id: sleepy
            namespace: ui.kill

            tasks:
              - id: nap
                type: io.kestra.plugin.core.flow.Sleep
                duration: PT5M
            """);
        var id = await ui.StartAsync("ui.kill", "sleepy");
        var page = await ui.NewPageAsync();
        await page.GotoAsync($"/ui/executions/{id}");
        await Expect(page.Locator("[data-task-id='nap']")).ToHaveAttributeAsync("data-state", "RUNNING", new() { Timeout = 30_000 });

        await page.GetByRole(AriaRole.Button, new() { Name = "Kill" }).ClickAsync();

        await Expect(page.Locator(".page-header .badge")).ToHaveTextAsync("KILLED", new() { Timeout = 30_000 });
        await Expect(page.Locator("[data-task-id='nap']")).ToHaveAttributeAsync("data-state", "KILLED");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Kill" })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Restart" })).ToBeVisibleAsync();
    }
}
