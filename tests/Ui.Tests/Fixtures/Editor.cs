using Microsoft.Playwright;

namespace Kite.Ui.Tests.Fixtures;

/// <summary>Types into the CodeMirror editor as a user would: select all, then insert the text.</summary>
public static class Editor
{
    public static async Task ReplaceAsync(IPage page, string yaml)
    {
        var content = page.Locator(".cm-content");
        await content.ClickAsync();
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.InsertTextAsync(yaml.ReplaceLineEndings("\n"));
    }
}
