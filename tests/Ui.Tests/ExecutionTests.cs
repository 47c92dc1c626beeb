using System.Text.RegularExpressions;
using Kite.Ui.Tests.Fixtures;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kite.Ui.Tests;

[Collection(UiCollection.Name)]
public sealed partial class ExecutionTests(UiFixture ui)
{
    private const string Greeting = """
        id: greeting
        namespace: ui.run

        inputs:
          - id: name
            type: STRING
          - id: times
            type: INT
            defaults: 2

        tasks:
          - id: greet
            type: io.kestra.plugin.core.log.Log
            message: "Hello {{ inputs.name }}, {{ inputs.times }} times"
          - id: wait
            type: io.kestra.plugin.core.flow.Sleep
            duration: PT1S
          - id: each
            type: io.kestra.plugin.core.flow.ForEach
            values: ["a", "b", "c"]
            tasks:
              - id: shout
                type: io.kestra.plugin.core.log.Log
                level: WARN
                message: "value {{ taskrun.value }}"
        """;

    [Fact]
    public async Task Running_a_flow_with_inputs_shows_it_reach_SUCCESS_live_with_its_timeline_and_in_the_list()
    {
        await ui.SaveFlowAsync(Greeting);
        var page = await ui.NewPageAsync();
        await page.GotoAsync("/ui/flows/ui.run/greeting?tab=execute");

        // The form comes from the flow's inputs: a required STRING, and an INT with its default.
        await Expect(page.Locator("#input-times")).ToHaveValueAsync("2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Execute" }).ClickAsync();
        await Expect(page.Locator("[data-input-error='name']")).ToHaveTextAsync("required");
        await page.Locator("#input-name").FillAsync("Kite");
        await page.Locator("#input-times").FillAsync("3");
        await page.GetByRole(AriaRole.Button, new() { Name = "Execute" }).ClickAsync();

        await page.WaitForURLAsync(ExecutionUrl());
        // Marks the document: if the page reloaded, the mark would be gone, so SUCCESS below was seen live.
        await page.EvaluateAsync("() => { window.__sameDocument = true; }");
        await Expect(page.Locator(".page-header .badge")).ToHaveTextAsync("RUNNING", new() { Timeout = 20_000 });
        await Expect(page.Locator(".page-header .badge")).ToHaveTextAsync("SUCCESS", new() { Timeout = 30_000 });
        Assert.True(await page.EvaluateAsync<bool>("() => window.__sameDocument === true"));

        // The timeline nests the loop's iterations under the ForEach, one row per value.
        var gantt = page.GetByTestId("gantt");
        await Expect(gantt.Locator("[data-task-id='shout']")).ToHaveCountAsync(3);
        await Expect(gantt.Locator("[data-task-id='each'] .fold")).ToBeVisibleAsync();
        await Expect(gantt.Locator("[data-state='SUCCESS']")).ToHaveCountAsync(6);
        await Screenshots.SaveAsync(page, "execution-gantt");

        // Its logs: the greeting with the inputs, and the loop's WARN lines alone once the level filter says WARN.
        await page.GetByRole(AriaRole.Link, new() { Name = "Logs", Exact = true }).ClickAsync();
        var logs = page.GetByTestId("logs");
        await Expect(logs.Locator(".log-line .log-message", new() { HasText = "Hello Kite, 3 times" })).ToHaveCountAsync(1);
        await Expect(logs.Locator(".log-line.level-warn")).ToHaveCountAsync(3);
        await logs.Locator("select").SelectOptionAsync("WARN");
        await Expect(logs.Locator(".log-line")).ToHaveCountAsync(3);
        await Expect(logs.Locator(".log-line .log-message").First).ToHaveTextAsync("value a");

        await page.GotoAsync("/ui/executions?namespace=ui.run");
        await Expect(page.GetByTestId("executions-total")).ToHaveTextAsync("1 executions");
        await Expect(page.Locator(".executions-row .badge")).ToHaveTextAsync("SUCCESS");
        await Screenshots.SaveAsync(page, "executions-list");
    }

    [GeneratedRegex(@"/ui/executions/[A-Za-z0-9]+$")]
    private static partial Regex ExecutionUrl();
}
