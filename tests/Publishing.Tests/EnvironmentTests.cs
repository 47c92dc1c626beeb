using k8s.Models;
using Kite.AppHost.Model;
using Kite.AppHost.Orchestration;
using Kite.AppHost.Publishing;

namespace Kite.Publishing.Tests;

public sealed class EnvironmentTests
{
    /// <summary>Local-run settings that only matter to the AppHost's console capture; a cluster logs JSON instead.</summary>
    private static readonly string[] RunOnly =
    [
        "LOGGING__CONSOLE__FORMATTEROPTIONS__SINGLELINE",
        "LOGGING__CONSOLE__FORMATTEROPTIONS__TIMESTAMPFORMAT",
        "LOGGING__CONSOLE__FORMATTEROPTIONS__COLORBEHAVIOR",
    ];

    private static readonly string[] Servers = ["postgres", "rabbitmq"];

    private readonly PublishedTree tree = PublishedTree.Instance;

    private static Dictionary<string, V1EnvVar> Env(V1PodTemplateSpec template) => template.Spec.Containers[0].Env.ToDictionary(e => e.Name);

    private static IEnumerable<(string Name, V1PodTemplateSpec Template)> KitePods(PublishedTree tree) =>
        tree.Base<V1Deployment>().Select(d => (d.Metadata.Name, d.Spec.Template))
            .Concat(tree.Base<V1Job>().Select(j => (j.Metadata.Name, j.Spec.Template)));

    [Fact]
    public void Every_service_reads_its_database_and_bus_connection_strings_from_its_own_keys_of_the_secret()
    {
        Assert.All(tree.Base<V1Deployment>(), deployment =>
        {
            var env = Env(deployment.Spec.Template);
            foreach (var server in Servers)
            {
                var reference = env[$"ConnectionStrings__{server}"].ValueFrom.SecretKeyRef;
                Assert.Equal((ConnectionSecrets.Name, server), (reference.Name, reference.Key));
            }
        });
    }

    [Fact]
    public void The_migration_job_gets_the_database_connection_string_and_not_the_bus()
    {
        var env = Env(Assert.Single(tree.Base<V1Job>()).Spec.Template);

        Assert.Equal("postgres", env["ConnectionStrings__postgres"].ValueFrom.SecretKeyRef.Key);
        Assert.DoesNotContain("ConnectionStrings__rabbitmq", env.Keys);
        Assert.DoesNotContain("ASPNETCORE_URLS", env.Keys);
    }

    [Fact]
    public void No_pod_can_read_a_secret_it_was_not_given()
    {
        var pods = KitePods(tree).Concat(tree.Kustomize("dev").OfType<V1StatefulSet>().Select(s => (s.Metadata.Name, s.Spec.Template)));

        Assert.All(pods, pod =>
        {
            var container = pod.Template.Spec.Containers[0];
            var secretKeys = container.Env.Where(e => e.ValueFrom?.SecretKeyRef is not null).Select(e => (e.ValueFrom.SecretKeyRef.Name, e.ValueFrom.SecretKeyRef.Key));
            var allowed = pod.Name is "postgres" or "rabbitmq"
                ? [($"{pod.Name}-credentials", "password")]
                : KitePods(tree).Single(p => p.Name == pod.Name).Template.Spec.Containers[0].Env
                    .Where(e => e.Name.StartsWith("ConnectionStrings__", StringComparison.Ordinal))
                    .Select(e => (ConnectionSecrets.Name, e.Name["ConnectionStrings__".Length..]))
                    .Concat(container.Env.Where(e => e.ValueFrom?.SecretKeyRef?.Name == $"kite-{pod.Name}-secrets").Select(e => ($"kite-{pod.Name}-secrets", e.Name)));
            Assert.Equal(allowed.Order(), secretKeys.Order());
            Assert.All(container.EnvFrom ?? [], source => Assert.Null(source.SecretRef));
            Assert.Null(pod.Template.Spec.Volumes?.FirstOrDefault(v => v.Secret is not null));
        });
    }

    [Fact]
    public void The_base_secret_and_configmap_hold_placeholders_never_credentials()
    {
        var secret = Assert.Single(tree.Base<V1Secret>(), s => s.Metadata.Name == ConnectionSecrets.Name);

        Assert.Equal(["postgres", "rabbitmq"], secret.StringData.Keys.Order());
        Assert.All(tree.Base<V1Secret>().SelectMany(s => s.StringData.Values), value => Assert.StartsWith("REPLACE-ME", value, StringComparison.Ordinal));
        Assert.All(tree.Base<V1Secret>(), s => Assert.Null(s.Data));
        Assert.All(tree.Base<V1ConfigMap>().SelectMany(c => c.Data.Keys), key => Assert.DoesNotContain("PASSWORD", key, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void The_shared_configuration_puts_internal_storage_in_PostgreSQL_for_every_pod()
    {
        var config = Assert.Single(tree.Base<V1ConfigMap>(), c => c.Metadata.Name == SharedConfiguration.ConfigMapName);

        Assert.Equal("postgres", config.Data["Kite__Storage__Type"]);
    }

    [Fact]
    public void Each_replica_names_its_service_and_its_pod_in_telemetry()
    {
        Assert.All(KitePods(tree), pod =>
        {
            var env = Env(pod.Template);
            Assert.Equal(pod.Name, env["OTEL_SERVICE_NAME"].Value);
            Assert.Equal("service.instance.id=$(POD_NAME)", env["OTEL_RESOURCE_ATTRIBUTES"].Value);
            Assert.Equal("metadata.name", env["POD_NAME"].ValueFrom.FieldRef.FieldPath);
            // $(POD_NAME) only expands when POD_NAME is declared before it.
            Assert.True(pod.Template.Spec.Containers[0].Env.ToList().FindIndex(e => e.Name == "POD_NAME") < pod.Template.Spec.Containers[0].Env.ToList().FindIndex(e => e.Name == "OTEL_RESOURCE_ATTRIBUTES"));
            Assert.Equal(SharedConfiguration.ConfigMapName, Assert.Single(pod.Template.Spec.Containers[0].EnvFrom).ConfigMapRef.Name);
        });
    }

    [Fact]
    public void A_published_container_gets_every_variable_a_local_replica_gets_under_the_same_name()
    {
        var postgres = new PostgresResource("postgres", "kite", null) { ConnectionString = "Host=127.0.0.1;Database=kite" };
        var rabbitmq = new RabbitMqResource("rabbitmq", null) { ConnectionString = "amqp://kite:pw@127.0.0.1:5672" };
        var api = new ProjectResource("api", "Api.Service", "/x/api.dll") { PublicPort = 8080 };
        var worker = new ProjectResource("worker", "Worker.Service", "/x/worker.dll");
        worker.ConnectionReferences.AddRange([postgres, rabbitmq]);
        worker.ServiceReferences.Add(api);
        worker.Environment["Kite__Worker__Concurrency"] = "16";

        var local = ServiceEnvironment.For(worker, 0, 5100, "Production", otlpEndpoint: null).Where(e => e.Value is not null).Select(e => e.Key);
        var published = PublishedEnvironment.For(worker).ToDictionary(e => e.Name);
        var shared = SharedConfiguration.ConfigMap().Data.Keys;

        Assert.Empty(local.Except(published.Keys).Except(shared).Except(RunOnly));
        Assert.Equal("http://api:8080", published["services__api__http__0"].Value);
        Assert.Equal("http://+:8080", published["ASPNETCORE_URLS"].Value);
        Assert.Equal("16", published["Kite__Worker__Concurrency"].Value);
    }
}
