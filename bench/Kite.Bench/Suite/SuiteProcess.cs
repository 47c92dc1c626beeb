using System.Diagnostics;
using System.Net.Http.Json;

namespace Kite.Bench.Suite;

/// <summary>
/// The AppHost as a child process (<c>--start-suite</c>), run from its build (Release when there is one), on free API
/// and dashboard ports so that it never meets another suite on this machine (another bench, a developer's AppHost).
/// Stopped with SIGTERM, which makes it stop everything it started.
/// </summary>
internal sealed class SuiteProcess(Process process, Uri dashboard) : IAsyncDisposable
{
    private static readonly string[] Configurations = ["Release", "Debug"];

    private sealed record Row(string Name, string Kind, string State, string Health);

    public Uri Dashboard => dashboard;

    public static async Task<SuiteProcess> StartAsync(string repository, HttpClient http, CancellationToken cancellationToken)
    {
        var (apiPort, dashboardPort) = (Kite.Hosting.Processes.FreePort.Next(), Kite.Hosting.Processes.FreePort.Next());
        var entry = Configurations
            .Select(c => Path.Combine(repository, "AppHost", "bin", c, "net10.0", "Kite.AppHost.dll"))
            .FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("build the AppHost first: dotnet build -c Release AppHost/AppHost.csproj");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = repository,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[] { entry, $"--Kite:ApiPort={apiPort}", $"--Kite:DashboardPort={dashboardPort}" })
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the AppHost");
        var log = Path.Combine(repository, "bench", "results", "tmp", "apphost.log");
        Directory.CreateDirectory(Path.GetDirectoryName(log)!);
        var writer = new StreamWriter(log) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => writer.WriteLine(e.Data);
        process.ErrorDataReceived += (_, e) => writer.WriteLine(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var suite = new SuiteProcess(process, new Uri($"http://localhost:{dashboardPort}"));
        try
        {
            await suite.WaitHealthyAsync(http, TimeSpan.FromMinutes(5), cancellationToken);
        }
        catch
        {
            // A suite that never became healthy is stopped like a measured one, not left running.
            await suite.DisposeAsync();
            throw;
        }

        return suite;
    }

    private async Task WaitHealthyAsync(HttpClient http, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"the AppHost exited with {process.ExitCode}; see bench/results/tmp/apphost.log");
            }

            try
            {
                var rows = await http.GetFromJsonAsync<List<Row>>(new Uri(dashboard, "/api/resources"), cancellationToken) ?? [];
                if (rows.Count > 0 && rows.Where(r => r.Kind != "job").All(r => r.Health == "Healthy"))
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // The dashboard is not listening yet.
            }

            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        }

        throw new TimeoutException("the suite did not become healthy within five minutes");
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        process.Dispose();
    }
}
