using Kite.AppHost.Model;

namespace Kite.AppHost.Tests;

public sealed class ResourceModelTests
{
    [Fact]
    public void A_server_whose_connection_string_is_configured_is_external_and_not_provisioned()
    {
        Assert.True(new PostgresResource("postgres", "kite", "Host=db;Database=kite").IsExternal);
        Assert.False(new RabbitMqResource("rabbitmq", null).IsExternal);
    }

    [Fact]
    public void Replicas_below_one_are_refused_naming_the_resource()
    {
        var worker = new ProjectResource("worker", "Worker.Service", "/x/w.dll");

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => worker.SetReplicas(0));

        Assert.Contains("worker", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_project_catalog_names_an_unreferenced_project_and_lists_the_known_ones()
    {
        var catalog = new ProjectCatalog(new Dictionary<string, string> { ["Api.Service"] = "/x/api.dll" });

        var error = Assert.Throws<InvalidOperationException>(() => catalog.EntryPoint("Nope"));

        Assert.Contains("'Nope'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Api.Service", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_data_directory_defaults_to_dot_kite_at_the_repository_root()
    {
        var settings = new AppHostSettings();

        var directory = settings.ResolveDataDirectory();

        Assert.Equal(".kite", Path.GetFileName(directory));
        Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(directory)!, "Suite.sln")));
    }
}
