using k8s.Models;
using Kite.AppHost.Publishing;

namespace Kite.Publishing.Tests;

public sealed class WorkloadTests
{
    private static readonly string[] Services = ["executor", "worker", "scheduler", "api", "purge"];
    private readonly PublishedTree tree = PublishedTree.Instance;

    private IReadOnlyList<V1Deployment> Deployments => tree.Base<V1Deployment>();

    [Fact]
    public void Each_service_is_one_deployment_and_one_service_in_the_base()
    {
        Assert.Equal(Services.Order(), Deployments.Select(d => d.Metadata.Name).Order());
        Assert.Equal(Services.Order(), tree.Base<V1Service>().Select(s => s.Metadata.Name).Order());
    }

    [Fact]
    public void Published_replicas_default_to_executor_2_worker_3_scheduler_2_api_2_purge_1()
    {
        var replicas = Deployments.ToDictionary(d => d.Metadata.Name, d => d.Spec.Replicas);

        Assert.Equal(new Dictionary<string, int?> { ["executor"] = 2, ["worker"] = 3, ["scheduler"] = 2, ["api"] = 2, ["purge"] = 1 }, replicas);
    }

    [Fact]
    public void Every_service_is_ready_on_health_and_live_on_alive_after_a_startup_probe_that_outlasts_the_schema_wait()
    {
        Assert.All(Deployments, deployment =>
        {
            var container = Assert.Single(deployment.Spec.Template.Spec.Containers);
            Assert.Equal("/health", container.ReadinessProbe.HttpGet.Path);
            Assert.Equal("/alive", container.LivenessProbe.HttpGet.Path);
            Assert.Equal("/alive", container.StartupProbe.HttpGet.Path);
            Assert.True(container.StartupProbe.PeriodSeconds * container.StartupProbe.FailureThreshold > 120);
            Assert.Equal("http", container.ReadinessProbe.HttpGet.Port.Value);
            Assert.Contains(container.Ports, p => p.Name == "http" && p.ContainerPort == 8080);
        });
    }

    [Fact]
    public void Every_container_requests_and_limits_cpu_and_memory()
    {
        var containers = Deployments.Select(d => d.Spec.Template.Spec.Containers[0])
            .Concat(tree.Base<V1Job>().Select(j => j.Spec.Template.Spec.Containers[0]))
            .Concat(tree.Kustomize("dev").OfType<V1StatefulSet>().Select(s => s.Spec.Template.Spec.Containers[0]));

        Assert.All(containers, container =>
        {
            Assert.Equal(["cpu", "memory"], container.Resources.Requests.Keys.Order());
            Assert.Equal(["cpu", "memory"], container.Resources.Limits.Keys.Order());
        });
    }

    [Fact]
    public void Every_object_carries_the_four_recommended_labels_and_selectors_match_their_pods()
    {
        var objects = tree.Objects("base").Concat(tree.Objects("overlays/dev")).Cast<IMetadata<V1ObjectMeta>>();

        Assert.All(objects, o => Assert.Superset(
            new HashSet<string> { KubeLabels.Name, KubeLabels.Component, KubeLabels.Instance, KubeLabels.PartOf },
            o.Metadata.Labels.Keys.ToHashSet()));
        Assert.All(Deployments, d => Assert.All(d.Spec.Selector.MatchLabels, l => Assert.Equal(l.Value, d.Spec.Template.Metadata.Labels[l.Key])));
        Assert.All(tree.Base<V1Service>(), s => Assert.Equal(s.Metadata.Name, s.Spec.Selector[KubeLabels.Name]));
    }

    [Fact]
    public void Pods_run_as_the_non_root_app_user_with_a_read_only_root_and_no_api_token()
    {
        var pods = Deployments.Select(d => d.Spec.Template.Spec).Concat(tree.Base<V1Job>().Select(j => j.Spec.Template.Spec));

        Assert.All(pods, pod =>
        {
            Assert.True(pod.SecurityContext.RunAsNonRoot);
            Assert.Equal(1654, pod.SecurityContext.RunAsUser);
            Assert.False(pod.AutomountServiceAccountToken);
            Assert.True(pod.Containers[0].SecurityContext.ReadOnlyRootFilesystem);
            Assert.False(pod.Containers[0].SecurityContext.AllowPrivilegeEscalation);
        });
    }

    [Fact]
    public void Workers_and_executors_autoscale_on_cpu_from_their_published_replicas()
    {
        var autoscalers = tree.Base<V2HorizontalPodAutoscaler>().ToDictionary(h => h.Metadata.Name);

        Assert.Equal(["executor", "worker"], autoscalers.Keys.Order());
        Assert.All(autoscalers.Values, hpa =>
        {
            Assert.Equal("Deployment", hpa.Spec.ScaleTargetRef.Kind);
            Assert.Equal(Deployments.Single(d => d.Metadata.Name == hpa.Spec.ScaleTargetRef.Name).Spec.Replicas, hpa.Spec.MinReplicas);
            Assert.True(hpa.Spec.MaxReplicas > hpa.Spec.MinReplicas);
            Assert.Equal("cpu", Assert.Single(hpa.Spec.Metrics).Resource.Name);
        });
    }

    [Fact]
    public void Every_service_has_a_disruption_budget_that_lets_one_replica_go_at_a_time()
    {
        var budgets = tree.Base<V1PodDisruptionBudget>();

        Assert.Equal(Services.Order(), budgets.Select(b => b.Metadata.Name).Order());
        Assert.All(budgets, b =>
        {
            Assert.Equal("1", b.Spec.MaxUnavailable.Value);
            Assert.Null(b.Spec.MinAvailable);
        });
    }

    [Fact]
    public void The_migration_step_is_a_job_that_runs_the_migrator_once_and_is_retried_on_failure()
    {
        var job = Assert.Single(tree.Base<V1Job>());

        Assert.Equal("migrations", job.Metadata.Name);
        Assert.Equal("kite/migrator:0.1.0", job.Spec.Template.Spec.Containers[0].Image);
        Assert.Equal("Never", job.Spec.Template.Spec.RestartPolicy);
        Assert.True(job.Spec.BackoffLimit > 0);
        Assert.NotNull(job.Spec.TtlSecondsAfterFinished);
        Assert.Null(job.Spec.Template.Spec.Containers[0].ReadinessProbe);
    }

    [Fact]
    public void Images_are_named_kite_slash_role_as_the_container_build_names_them()
    {
        Assert.All(Deployments, d => Assert.Equal($"kite/{d.Metadata.Name}:{ContainerImages.Tag}", d.Spec.Template.Spec.Containers[0].Image));
    }
}
