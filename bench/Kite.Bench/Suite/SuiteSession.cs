using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Spectre.Console;

namespace Kite.Bench.Suite;

/// <summary>The suite under load: its endpoints, one pooled HTTP client for the Api, and the AppHost if we started it.</summary>
internal sealed class SuiteSession : IAsyncDisposable
{
    private readonly SuiteProcess? process;

    private SuiteSession(SuiteEndpoints endpoints, HttpClient api, SuiteProcess? process)
    {
        Endpoints = endpoints;
        Api = api;
        this.process = process;
    }

    public SuiteEndpoints Endpoints { get; }

    /// <summary>Unbounded connections: an open-loop sender must never wait for a free connection.</summary>
    public HttpClient Api { get; }

    public static async Task<SuiteSession> OpenAsync(BenchOptions options)
    {
        using var plain = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        SuiteProcess? process = null;
        var dashboard = options.Dashboard;
        if (options.StartSuite)
        {
            AnsiConsole.MarkupLine("starting the suite (AppHost) …");
            process = await SuiteProcess.StartAsync(options.Repository, plain, CancellationToken.None);
            dashboard = process.Dashboard;
        }

        var endpoints = options is { Api: not null, User: not null, Password: not null, Postgres: not null }
            ? new SuiteEndpoints(options.Api, options.User, options.Password, options.Postgres, options.RabbitMq, new Dictionary<string, IReadOnlyList<int>>())
            : await DashboardReader.ReadAsync(plain, dashboard, options, CancellationToken.None);

        var handler = new SocketsHttpHandler { MaxConnectionsPerServer = int.MaxValue, PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        var api = new HttpClient(handler) { BaseAddress = endpoints.Api, Timeout = TimeSpan.FromMinutes(2) };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{endpoints.User}:{endpoints.Password}")));
        AnsiConsole.MarkupLineInterpolated($"suite: Api {endpoints.Api}, services {string.Join(", ", endpoints.ServicePids.Keys)}");
        return new SuiteSession(endpoints, api, process);
    }

    /// <summary>Saves a flow (creating it, or replacing the stored revision when it exists).</summary>
    public async Task DeployFlowAsync(string yaml, string @namespace, string id, CancellationToken cancellationToken)
    {
        using var update = new StringContent(yaml, Encoding.UTF8, "application/x-yaml");
        using var updated = await Api.PutAsync(new Uri($"/api/v1/flows/{@namespace}/{id}", UriKind.Relative), update, cancellationToken);
        if (updated.StatusCode != HttpStatusCode.NotFound)
        {
            await EnsureSuccessAsync(updated, "update flow", cancellationToken);
            return;
        }

        using var create = new StringContent(yaml, Encoding.UTF8, "application/x-yaml");
        using var created = await Api.PostAsync(new Uri("/api/v1/flows", UriKind.Relative), create, cancellationToken);
        await EnsureSuccessAsync(created, "create flow", cancellationToken);
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new InvalidOperationException($"{what}: {(int)response.StatusCode} {body}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        Api.Dispose();
        if (process is not null)
        {
            AnsiConsole.MarkupLine("stopping the suite (SIGTERM) …");
            await process.DisposeAsync();
        }
    }
}
