using System.Net;
using System.Text.Json;
using Kite.Data.Schema;
using Kite.Integration.Tests.Fixtures;

namespace Kite.Integration.Tests.ServiceDefaults;

[Collection(InfrastructureCollection.Name)]
public sealed class ServiceHostTests(Infrastructure infrastructure)
{
    [Fact]
    public async Task Health_is_healthy_with_database_and_bus_checks_when_both_are_reachable()
    {
        var db = await MigratedDatabase.CreateAsync(infrastructure);
        await using var service = await TestService.StartAsync(db, infrastructure.RabbitMqConnectionString);

        var report = await Eventually.BecomesAsync(
            () => ReadHealthAsync(service, "/health"), r => r.Status == HttpStatusCode.OK, "/health answers 200");

        Assert.Equal("Healthy", report.Checks["postgres"]);
        Assert.Equal("Healthy", report.Checks["masstransit-bus"]);
        Assert.Equal(HttpStatusCode.OK, (await ReadHealthAsync(service, "/alive")).Status);
    }

    [Fact]
    public async Task A_service_is_alive_but_unhealthy_while_the_bus_is_unreachable()
    {
        var db = await MigratedDatabase.CreateAsync(infrastructure);
        var nowhere = $"amqp://kite:secret@127.0.0.1:{Kite.Hosting.Processes.FreePort.Next()}";
        await using var service = await TestService.StartAsync(db, nowhere);

        var report = await Eventually.BecomesAsync(
            () => ReadHealthAsync(service, "/health"), r => r.Status == HttpStatusCode.ServiceUnavailable, "/health answers 503");

        Assert.NotEqual("Healthy", report.Checks["masstransit-bus"]);
        Assert.Equal("Healthy", report.Checks["postgres"]);
        Assert.Equal(HttpStatusCode.OK, (await ReadHealthAsync(service, "/alive")).Status);
    }

    [Fact]
    public async Task A_service_started_against_an_unmigrated_schema_refuses_to_start_and_names_the_migration_step()
    {
        var db = await infrastructure.CreateDatabaseAsync();
        var app = TestService.Build(db, infrastructure.RabbitMqConnectionString);

        var error = await Assert.ThrowsAsync<SchemaOutdatedException>(() => app.StartAsync());

        Assert.Contains("Migrator", error.Message, StringComparison.Ordinal);
        await app.DisposeAsync();
    }

    [Fact]
    public void A_missing_database_connection_string_is_refused_with_the_setting_to_provide()
    {
        var error = Assert.Throws<InvalidOperationException>(() => TestService.Build(null!, infrastructure.RabbitMqConnectionString));

        Assert.Contains("ConnectionStrings__postgres", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bus_connection_string_that_is_not_amqp_is_refused_without_echoing_its_password()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            TestService.Build("Host=localhost", "http://kite:hunter2@localhost:5672"));

        Assert.Contains("amqp://", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
    }

    private static async Task<(HttpStatusCode Status, Dictionary<string, string> Checks)> ReadHealthAsync(TestService service, string path)
    {
        using var response = await service.Http.GetAsync(new Uri(path, UriKind.Relative));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var checks = body.RootElement.GetProperty("checks").EnumerateObject()
            .ToDictionary(c => c.Name, c => c.Value.GetProperty("status").GetString()!);
        return (response.StatusCode, checks);
    }
}
