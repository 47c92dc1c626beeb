using System.Net;
using Kite.EndToEnd.Tests.Fixtures;

namespace Kite.EndToEnd.Tests;

[Collection(SuiteCollection.Name)]
public sealed class SuiteStartupTests(RunningSuite suite)
{
    private static readonly string[] Services = ["executor", "worker", "scheduler", "api", "purge"];

    [Fact]
    public async Task The_apphost_brings_up_postgres_rabbitmq_the_migrations_and_every_service_replica()
    {
        var rows = await suite.ResourcesAsync();

        Assert.Equal(["api", "executor", "migrations", "postgres", "purge", "rabbitmq", "scheduler", "worker-0", "worker-1"], rows.Select(r => r.Id).Order(StringComparer.Ordinal));
        Assert.Equal("Finished", rows.Single(r => r.Name == "migrations").State);
        Assert.All(rows.Where(r => r.Name != "migrations"), r => Assert.Equal(("Running", "Healthy"), (r.State, r.Health)));
        Assert.All(rows.Where(r => r.Name != "migrations"), r => Assert.NotNull(r.Pid));
    }

    [Fact]
    public async Task Every_service_replica_answers_health_with_its_database_and_bus_reachable()
    {
        var rows = await suite.ResourcesAsync();
        using var http = new HttpClient();

        foreach (var replica in rows.Where(r => Services.Contains(r.Name)))
        {
            var body = await http.GetStringAsync(new Uri(new Uri(replica.Urls.Single()), "/health"));
            Assert.Contains("\"postgres\":{\"status\":\"Healthy\"", body, StringComparison.Ordinal);
            Assert.Contains("\"masstransit-bus\":{\"status\":\"Healthy\"", body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_api_answers_on_its_public_port_through_the_apphost_proxy()
    {
        using var http = new HttpClient();

        using var response = await http.GetAsync(new Uri($"http://localhost:{suite.ApiPort}/health"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_api_refuses_requests_without_credentials_and_accepts_the_ones_the_dashboard_shows()
    {
        using var info = System.Text.Json.JsonDocument.Parse(await suite.Dashboard.GetStringAsync("/api/info"));
        var user = info.RootElement.GetProperty("username").GetString();
        var password = info.RootElement.GetProperty("password").GetString();
        using var http = new HttpClient { BaseAddress = new Uri($"http://localhost:{suite.ApiPort}") };

        using var anonymous = await http.GetAsync(new Uri("/api/v1/flows/search", UriKind.Relative));
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{user}:{password}")));
        using var authenticated = await http.GetAsync(new Uri("/api/v1/flows/search", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.OK, authenticated.StatusCode);
        Assert.Equal(32, password!.Length);
    }

    [Fact]
    public async Task The_dashboard_serves_its_page_and_each_resource_console_log()
    {
        var page = await suite.Dashboard.GetStringAsync("/");
        var log = await suite.Dashboard.GetStringAsync("/api/resources/api/logs?follow=false");

        Assert.Contains("AppHost dashboard", page, StringComparison.Ordinal);
        Assert.Contains("Registered api instance", log, StringComparison.Ordinal);
    }
}
