using Kite.AppHost.Model;
using Kite.AppHost.Orchestration;

namespace Kite.AppHost.Tests;

public sealed class ServiceEnvironmentTests
{
    private static ProjectResource Worker()
    {
        var postgres = new PostgresResource("postgres", "kite", null) { ConnectionString = "Host=127.0.0.1;Port=5999;Database=kite" };
        var rabbitmq = new RabbitMqResource("rabbitmq", null) { ConnectionString = "amqp://kite:pw@127.0.0.1:5998" };
        var api = new ProjectResource("api", "Api.Service", "/x/Kite.Api.Service.dll") { PublicPort = 8080 };
        var worker = new ProjectResource("worker", "Worker.Service", "/x/Kite.Worker.Service.dll");
        worker.ConnectionReferences.AddRange([postgres, rabbitmq]);
        worker.ServiceReferences.Add(api);
        return worker;
    }

    [Fact]
    public void A_replica_gets_connection_strings_telemetry_identity_and_urls_under_aspire_names()
    {
        var environment = ServiceEnvironment.For(Worker(), replica: 1, port: 5100, environmentName: "Development", otlpEndpoint: null);

        Assert.Equal("Host=127.0.0.1;Port=5999;Database=kite", environment["ConnectionStrings__postgres"]);
        Assert.Equal("amqp://kite:pw@127.0.0.1:5998", environment["ConnectionStrings__rabbitmq"]);
        Assert.Equal("worker", environment["OTEL_SERVICE_NAME"]);
        Assert.Equal("service.instance.id=worker-1", environment["OTEL_RESOURCE_ATTRIBUTES"]);
        Assert.Equal("http://localhost:5100", environment["ASPNETCORE_URLS"]);
        Assert.Equal("http://localhost:8080", environment["services__api__http__0"]);
        Assert.Equal("Development", environment["ASPNETCORE_ENVIRONMENT"]);
    }

    [Fact]
    public void The_otlp_exporter_is_configured_only_when_the_apphost_has_an_endpoint()
    {
        Assert.False(ServiceEnvironment.For(Worker(), 0, 5100, "Production", null).ContainsKey("OTEL_EXPORTER_OTLP_ENDPOINT"));
        Assert.Equal("http://collector:4317", ServiceEnvironment.For(Worker(), 0, 5100, "Production", "http://collector:4317")["OTEL_EXPORTER_OTLP_ENDPOINT"]);
    }

    [Fact]
    public void The_apphost_own_urls_and_data_folder_are_removed_not_inherited()
    {
        var environment = ServiceEnvironment.For(Worker(), 0, 5100, "Production", null);

        Assert.Null(environment["Kite__DataDirectory"]);
        Assert.Null(environment["DOTNET_LAUNCH_PROFILE"]);
    }

    [Fact]
    public void A_job_gets_no_http_url()
    {
        var migrations = new ProjectResource("migrations", "Migrator", "/x/Kite.Migrator.dll") { RunsToCompletion = true };

        Assert.Null(ServiceEnvironment.For(migrations, 0, 5100, "Production", null)["ASPNETCORE_URLS"]);
    }

    [Fact]
    public void Starting_a_project_before_its_server_has_a_connection_string_is_an_error_naming_both()
    {
        var postgres = new PostgresResource("postgres", "kite", null);
        var api = new ProjectResource("api", "Api.Service", "/x/api.dll");
        api.ConnectionReferences.Add(postgres);

        var error = Assert.Throws<InvalidOperationException>(() => ServiceEnvironment.For(api, 0, 5100, "Production", null));

        Assert.Contains("api starts before postgres", error.Message, StringComparison.Ordinal);
    }
}
