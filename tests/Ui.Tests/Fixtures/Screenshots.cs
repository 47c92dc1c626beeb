using Microsoft.Playwright;

namespace Kite.Ui.Tests.Fixtures;

/// <summary>
/// Screenshots of the main pages for the README: written only when <c>KITE_UI_SCREENSHOTS</c> names a folder
/// (e.g. <c>KITE_UI_SCREENSHOTS=$PWD/docs/ui dotnet test tests/Ui.Tests</c>), so test runs leave the tree alone.
/// </summary>
public static class Screenshots
{
    public static async Task SaveAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("KITE_UI_SCREENSHOTS") is not { Length: > 0 } folder)
        {
            return;
        }

        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png") });
    }
}
