using Kite.EndToEnd.Tests.Fixtures;
using Kite.Hosting.Postgres;
using Kite.Hosting.RabbitMq;

namespace Kite.EndToEnd.Tests;

/// <summary>Servers the user already runs, given as connection strings: the AppHost provisions nothing and uses them.</summary>
public sealed class ExternalServersTests : IAsyncLifetime
{
    private readonly string root = Directory.CreateTempSubdirectory("kite-external-").FullName;
    private PostgresServer? postgres;
    private RabbitMqServer? rabbitmq;
    private RunningSuite? suite;

    public async Task InitializeAsync()
    {
        postgres = new PostgresServer(new PostgresServerOptions { RootDirectory = Path.Combine(root, "pg"), Database = "external", Ephemeral = true });
        rabbitmq = new RabbitMqServer(new RabbitMqServerOptions { RootDirectory = Path.Combine(root, "mq") });
        await Task.WhenAll(postgres.StartAsync(CancellationToken.None), rabbitmq.StartAsync(CancellationToken.None));
        suite = new RunningSuite(new Dictionary<string, string?>
        {
            ["ConnectionStrings__postgres"] = postgres.ConnectionString,
            ["ConnectionStrings__rabbitmq"] = rabbitmq.ConnectionString,
        });
        await suite.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await (suite?.DisposeAsync() ?? Task.CompletedTask);
        await (rabbitmq?.DisposeAsync() ?? ValueTask.CompletedTask);
        await (postgres?.DisposeAsync() ?? ValueTask.CompletedTask);
        Directory.Delete(root, recursive: true);
    }

    [Fact]
    public async Task Given_connection_strings_the_apphost_runs_every_service_on_those_servers_and_starts_none_itself()
    {
        var rows = await suite!.ResourcesAsync();
        var started = ProcessTree.Descendants(suite.AppHost.Id);

        Assert.All(rows, r => Assert.True(r.IsUp, $"{r.Id} is {r.State}/{r.Health}"));
        Assert.Null(rows.Single(r => r.Id == "postgres").Pid);
        Assert.Null(rows.Single(r => r.Id == "rabbitmq").Pid);
        Assert.DoesNotContain(started, p => p.Command is "postgres" or "beam.smp" or "epmd");
        Assert.Contains(postgres!.Process!.Id, ProcessTree.Descendants(Environment.ProcessId).Select(p => p.Pid));
    }
}
