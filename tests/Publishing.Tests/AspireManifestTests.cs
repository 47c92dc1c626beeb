using System.Text.Json;

namespace Kite.Publishing.Tests;

public sealed class AspireManifestTests
{
    private readonly JsonElement resources = JsonDocument.Parse(PublishedTree.Instance.Text("aspire-manifest.json")).RootElement.GetProperty("resources");

    [Fact]
    public void The_aspire_manifest_lists_the_servers_their_password_parameters_every_project_and_its_secret_parameters()
    {
        var types = resources.EnumerateObject().ToDictionary(r => r.Name, r => r.Value.GetProperty("type").GetString());

        Assert.Equal(new Dictionary<string, string?>
        {
            ["postgres"] = "container.v0",
            ["postgres-password"] = "parameter.v0",
            ["rabbitmq"] = "container.v0",
            ["rabbitmq-password"] = "parameter.v0",
            ["migrations"] = "project.v0",
            ["executor"] = "project.v0",
            ["executor-kite-encryption-secretkey"] = "parameter.v0",
            ["worker"] = "project.v0",
            ["worker-kite-encryption-secretkey"] = "parameter.v0",
            ["scheduler"] = "project.v0",
            ["scheduler-kite-encryption-secretkey"] = "parameter.v0",
            ["api"] = "project.v0",
            ["api-auth-username"] = "parameter.v0",
            ["api-auth-password"] = "parameter.v0",
            ["api-kite-encryption-secretkey"] = "parameter.v0",
            ["purge"] = "project.v0",
        }, types);
    }

    [Fact]
    public void Project_paths_lead_from_deploy_k8s_to_the_real_project_files()
    {
        foreach (var project in resources.EnumerateObject().Where(r => r.Value.GetProperty("type").GetString() == "project.v0"))
        {
            var path = Path.GetFullPath(Path.Combine(PublishedTree.CommittedTree, project.Value.GetProperty("path").GetString()!));
            Assert.True(File.Exists(path), $"{project.Name}: {path} does not exist");
        }
    }

    [Fact]
    public void Projects_get_connection_strings_as_expressions_and_only_services_get_an_http_binding()
    {
        var worker = resources.GetProperty("worker");
        var migrations = resources.GetProperty("migrations");

        Assert.Equal("{postgres.connectionString}", worker.GetProperty("env").GetProperty("ConnectionStrings__postgres").GetString());
        Assert.Equal("{rabbitmq.connectionString}", worker.GetProperty("env").GetProperty("ConnectionStrings__rabbitmq").GetString());
        Assert.Equal(8080, worker.GetProperty("bindings").GetProperty("http").GetProperty("targetPort").GetInt32());
        Assert.False(migrations.TryGetProperty("bindings", out _));
        Assert.False(migrations.GetProperty("env").TryGetProperty("ConnectionStrings__rabbitmq", out _));
        Assert.True(resources.GetProperty("api").GetProperty("bindings").GetProperty("http").GetProperty("external").GetBoolean());
        Assert.Contains("{postgres-password.value}", resources.GetProperty("postgres").GetProperty("connectionString").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_Api_credentials_are_secret_parameters_without_a_value_and_only_the_Api_reads_them()
    {
        foreach (var (key, parameter) in new[] { ("Auth__Username", "api-auth-username"), ("Auth__Password", "api-auth-password") })
        {
            var input = resources.GetProperty(parameter).GetProperty("inputs").GetProperty("value");
            Assert.True(input.GetProperty("secret").GetBoolean());
            Assert.False(input.TryGetProperty("default", out _), $"{parameter} has a default; the operator must give it");
            Assert.Equal($"{{{parameter}.value}}", resources.GetProperty("api").GetProperty("env").GetProperty(key).GetString());
            foreach (var project in new[] { "executor", "worker", "scheduler", "purge", "migrations" })
            {
                Assert.False(resources.GetProperty(project).GetProperty("env").TryGetProperty(key, out _), $"{project} reads {key}");
            }
        }
    }

    [Fact]
    public void Every_published_project_stores_files_in_PostgreSQL_so_that_pods_on_other_nodes_can_read_them()
    {
        foreach (var project in new[] { "executor", "worker", "scheduler", "api", "purge" })
        {
            Assert.Equal("postgres", resources.GetProperty(project).GetProperty("env").GetProperty("Kite__Storage__Type").GetString());
        }
    }
}
