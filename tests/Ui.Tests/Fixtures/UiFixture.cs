using System.Net.Http.Headers;
using System.Text;
using Kite.Api.Extensions;
using Kite.Engine.Tests.Fixtures;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Kite.Ui.Tests.Fixtures;

/// <summary>
/// The engine fixture's executor and worker, the Api (with the UI) on a loopback port beside them, and one headless
/// Chromium: Debian's <c>/usr/bin/chromium</c>, since Playwright's own browser download cannot run here.
/// </summary>
public sealed class UiFixture : IAsyncLifetime
{
    public const string Username = "kite-ui";
    public const string Password = "ui test password";

    public static string ChromiumPath => Environment.GetEnvironmentVariable("KITE_CHROMIUM") ?? "/usr/bin/chromium";

    private readonly EngineFixture engine = new();
    private WebApplication? api;
    private IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = null!;

    public string BaseUrl { get; private set; } = "";

    public string Database => engine.Database;

    public HttpClient Http { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"No Chromium at {ChromiumPath}: install Debian's `chromium` package (scripts/install-prerequisites.sh does), or set KITE_CHROMIUM.");
        }

        await engine.InitializeAsync();
        api = engine.Host("api", builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Auth:Username"] = Username, ["Auth:Password"] = Password });
            builder.AddApplicationServices();
        });
        api.MapApi();
        await api.StartAsync();
        BaseUrl = api.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Http = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Username}:{Password}")));

        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ChromiumPath, Headless = true });
    }

    /// <summary>A fresh browser context signed in with the Api's account, at a desktop size.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            HttpCredentials = new HttpCredentials { Username = Username, Password = Password },
            ViewportSize = new ViewportSize { Width = 1440, Height = 900 },
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    /// <summary>Saves a flow through the Api, as a user who wrote it elsewhere would.</summary>
    public async Task SaveFlowAsync(string yaml)
    {
        using var content = new StringContent(yaml, Encoding.UTF8, "application/x-yaml");
        var response = await Http.PostAsync(new Uri("/api/v1/flows", UriKind.Relative), content);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Starts an execution through the Api; returns its id.</summary>
    public async Task<string> StartAsync(string ns, string flowId)
    {
        using var none = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
        var response = await Http.PostAsync(new Uri($"/api/v1/executions/{ns}/{flowId}", UriKind.Relative), none);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return System.Text.Json.Nodes.JsonNode.Parse(body)!["id"]!.GetValue<string>();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
        Http?.Dispose();
        if (api is not null)
        {
            await api.StopAsync();
            await api.DisposeAsync();
        }

        await engine.DisposeAsync();
    }
}
