using System.Diagnostics;
using System.Text.RegularExpressions;
using Kite.Ui.Tests.Fixtures;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Kite.Ui.Tests;

[Collection(UiCollection.Name)]
public sealed partial class LargeExecutionTests(UiFixture ui, ITestOutputHelper output)
{
    // Flowables only (resolved in the executor, never on a worker), so the 1,001 runs cost the engine little.
    private static readonly string Loop = $$$"""
        id: wide
        namespace: ui.large

        tasks:
          - id: each
            type: io.kestra.plugin.core.flow.ForEach
            concurrencyLimit: 0
            values: [{{{string.Join(", ", Enumerable.Range(1, 500))}}}]
            tasks:
              - id: first
                type: io.kestra.plugin.core.flow.If
                condition: "{{ false }}"
                then:
                  - id: never
                    type: io.kestra.plugin.core.log.Log
                    message: unreachable
              - id: second
                type: io.kestra.plugin.core.flow.If
                condition: "{{ false }}"
                then:
                  - id: never-either
                    type: io.kestra.plugin.core.log.Log
                    message: unreachable
        """;

    [Fact]
    public async Task An_execution_of_1001_task_runs_draws_only_the_rows_in_view_and_scrolls_to_the_last()
    {
        await ui.SaveFlowAsync(Loop);
        var page = await ui.NewPageAsync();
        await page.GotoAsync("/ui/flows/ui.large/wide?tab=execute");
        await page.GetByRole(AriaRole.Button, new() { Name = "Execute" }).ClickAsync();
        await page.WaitForURLAsync(ExecutionUrl());
        await Expect(page.Locator(".page-header .badge")).ToHaveTextAsync("SUCCESS", new() { Timeout = 60_000 });

        var clock = Stopwatch.StartNew();
        await page.ReloadAsync();
        var gantt = page.GetByTestId("gantt");
        await Expect(gantt.Locator(".gantt-row.head")).ToContainTextAsync("1001 task runs");
        output.WriteLine($"execution page with 1001 task runs: Gantt drawn {clock.ElapsedMilliseconds} ms after reload");

        var drawn = await gantt.Locator("[data-task-run]").CountAsync();
        Assert.InRange(drawn, 10, 80);

        clock.Restart();
        await gantt.Locator(".vlist").EvaluateAsync("el => { el.scrollTop = el.scrollHeight; }");
        await Expect(gantt.Locator("[data-task-id='second'] .loop-value", new() { HasText = "500" })).ToBeVisibleAsync();
        output.WriteLine($"scrolled to the last task run in {clock.ElapsedMilliseconds} ms");
        Assert.InRange(await gantt.Locator("[data-task-run]").CountAsync(), 10, 80);
    }

    [GeneratedRegex(@"/ui/executions/[A-Za-z0-9]+$")]
    private static partial Regex ExecutionUrl();
}
