using Kite.Ui.Tests.Fixtures;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kite.Ui.Tests;

[Collection(UiCollection.Name)]
public sealed class FlowEditorTests(UiFixture ui)
{
    private const string WithDuplicateId = """
        id: greet
        namespace: ui.editor

        tasks:
          - id: hello
            type: io.kestra.plugin.core.log.Log
            message: Hello
          - id: hello
            type: io.kestra.plugin.core.log.Log
            message: Again
        """;

    [Fact]
    public async Task A_flow_with_an_error_is_marked_at_its_line_as_you_type_and_saves_once_fixed()
    {
        var page = await ui.NewPageAsync();
        await page.GotoAsync("/ui/flows/new");
        await Editor.ReplaceAsync(page, WithDuplicateId);

        // The duplicate id is on line 8: the Api's violation is listed with its line and underlined in the editor.
        var problem = page.Locator(".problem[data-line='8']");
        await Expect(problem).ToContainTextAsync("duplicate task id 'hello'");
        await Expect(page.Locator(".cm-lintRange-error")).ToHaveCountAsync(1);
        await Expect(page.Locator(".cm-gutter-lint .cm-lint-marker-error")).ToHaveCountAsync(1);
        await Screenshots.SaveAsync(page, "flow-editor-error");

        await Editor.ReplaceAsync(page, WithDuplicateId.Replace("  - id: hello\n    type: io.kestra.plugin.core.log.Log\n    message: Again", "  - id: bye\n    type: io.kestra.plugin.core.log.Log\n    message: Again", StringComparison.Ordinal));
        await Expect(page.GetByTestId("problems")).ToHaveTextAsync("No problems");
        await Expect(page.Locator(".cm-lintRange-error")).ToHaveCountAsync(0);

        await page.GetByTestId("save").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved revision 1");
        await page.WaitForURLAsync("**/ui/flows/ui.editor/greet");

        await page.GotoAsync("/ui/flows?namespace=ui.editor");
        await Expect(page.Locator(".flows-row a", new() { HasText = "greet" })).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "flows-list");
    }
}
