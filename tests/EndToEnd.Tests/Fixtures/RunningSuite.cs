using System.Globalization;
using System.Net.Http.Json;
using Kite.Hosting.Processes;

namespace Kite.EndToEnd.Tests.Fixtures;

/// <summary>
/// The AppHost started as a user starts it, on free ports and a throwaway data folder, and waited on until its
/// dashboard reports every resource up.
/// </summary>
public sealed class RunningSuite : IAsyncLifetime
{
    private readonly IReadOnlyDictionary<string, string?> extraEnvironment;
    private readonly string dataDirectory = Directory.CreateTempSubdirectory("kite-e2e-").FullName;
    private readonly List<string> output = [];

    public RunningSuite()
        : this(new Dictionary<string, string?>())
    {
    }

    /// <summary>A suite started with extra AppHost settings (internal: xUnit wants one public constructor on a fixture).</summary>
    internal RunningSuite(IReadOnlyDictionary<string, string?> extraEnvironment) => this.extraEnvironment = extraEnvironment;

    public int DashboardPort { get; } = FreePort.Next();
    public int ApiPort { get; } = FreePort.Next();
    public ChildProcess AppHost { get; private set; } = null!;
    public HttpClient Dashboard { get; } = new();
    public string Output
    {
        get
        {
            lock (output)
            {
                return string.Join('\n', output.TakeLast(80));
            }
        }
    }

    public async Task InitializeAsync()
    {
        Dashboard.BaseAddress = new Uri($"http://localhost:{DashboardPort}");
        // The build records where the AppHost was built (see Directory.Build.targets).
        var entryPoint = typeof(RunningSuite).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>()
            .Single(a => a.Key == "kite-project:AppHost").Value!;
        var environment = new Dictionary<string, string?>(extraEnvironment)
        {
            ["Kite__DataDirectory"] = dataDirectory,
            ["Kite__DashboardPort"] = DashboardPort.ToString(CultureInfo.InvariantCulture),
            ["Kite__ApiPort"] = ApiPort.ToString(CultureInfo.InvariantCulture),
        };
        AppHost = ChildProcess.Start(
            new ChildProcessSpec(Path.ChangeExtension(entryPoint, null), []) { Environment = environment, OwnSession = false },
            line =>
            {
                lock (output)
                {
                    output.Add(line.Text);
                }
            });
        await WaitUntilAsync(rows => rows.Count > 0 && rows.All(r => r.IsUp), "every resource is up", TimeSpan.FromMinutes(3));
    }

    public async Task<List<ResourceRow>> ResourcesAsync() =>
        await Dashboard.GetFromJsonAsync<List<ResourceRow>>("/api/resources") ?? [];

    public async Task<List<ResourceRow>> WaitUntilAsync(Func<List<ResourceRow>, bool> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTimeOffset.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        List<ResourceRow> rows = [];
        while (DateTimeOffset.UtcNow < deadline)
        {
            if (AppHost.HasExited)
            {
                throw new InvalidOperationException($"The AppHost exited with code {await AppHost.Exited} while waiting until {what}:\n{Output}");
            }

            try
            {
                rows = await ResourcesAsync();
                if (condition(rows))
                {
                    return rows;
                }
            }
            catch (HttpRequestException)
            {
                // The dashboard is not listening yet.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"Timed out waiting until {what}. Resources: {string.Join(", ", rows.Select(r => $"{r.Id}={r.State}/{r.Health}"))}\n{Output}");
    }

    public async Task DisposeAsync()
    {
        Dashboard.Dispose();
        await AppHost.DisposeAsync();
        Directory.Delete(dataDirectory, recursive: true);
    }
}
