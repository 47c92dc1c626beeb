using k8s;
using k8s.Models;

namespace Kite.AppHost.Publishing;

/// <summary>
/// A server the <c>dev</c> overlay runs inside the cluster: one StatefulSet replica with its data on a
/// PersistentVolumeClaim, a headless Service named after it, and a Secret with its password that only it reads.
/// </summary>
public sealed record DevServer(
    string Name,
    string Component,
    string Image,
    int Port,
    string DataPath,
    string PasswordVariable,
    IReadOnlyDictionary<string, string> Environment,
    IReadOnlyList<string> ReadyCommand,
    IReadOnlyList<string> AliveCommand,
    string ConnectionString)
{
    /// <summary>A placeholder that works in a throw-away cluster; any other cluster uses the <c>external</c> overlay.</summary>
    public const string DevPassword = "dev-only-change-me";

    public const string User = "kite";

    public string CredentialsSecret => $"{Name}-credentials";

    public V1Secret Credentials() => new V1Secret
    {
        Metadata = new V1ObjectMeta { Name = CredentialsSecret, Labels = KubeLabels.For(Name, Component) },
        Type = "Opaque",
        StringData = new Dictionary<string, string> { ["password"] = DevPassword },
    }.Initialize();

    public V1Service Service() => new V1Service
    {
        Metadata = new V1ObjectMeta { Name = Name, Labels = KubeLabels.For(Name, Component) },
        Spec = new V1ServiceSpec
        {
            ClusterIP = "None",
            Selector = KubeLabels.Selector(Name),
            Ports = [new V1ServicePort { Name = "tcp", Port = Port, TargetPort = "tcp", Protocol = "TCP" }],
        },
    }.Initialize();

    public V1StatefulSet StatefulSet()
    {
        var labels = KubeLabels.For(Name, Component);
        var environment = Environment.Select(pair => new V1EnvVar { Name = pair.Key, Value = pair.Value }).ToList();
        environment.Add(new V1EnvVar
        {
            Name = PasswordVariable,
            ValueFrom = new V1EnvVarSource { SecretKeyRef = new V1SecretKeySelector { Name = CredentialsSecret, Key = "password" } },
        });
        var container = new V1Container
        {
            Name = Name,
            Image = Image,
            ImagePullPolicy = "IfNotPresent",
            Ports = [new V1ContainerPort { Name = "tcp", ContainerPort = Port, Protocol = "TCP" }],
            Env = environment,
            ReadinessProbe = new V1Probe { Exec = new V1ExecAction { Command = [.. ReadyCommand] }, PeriodSeconds = 10, TimeoutSeconds = 5 },
            LivenessProbe = new V1Probe { Exec = new V1ExecAction { Command = [.. AliveCommand] }, InitialDelaySeconds = 60, PeriodSeconds = 30, TimeoutSeconds = 10 },
            Resources = PodDefaults.Resources("250m", "512Mi", "1", "1Gi"),
            VolumeMounts = [new V1VolumeMount { Name = "data", MountPath = DataPath }],
        };
        return new V1StatefulSet
        {
            Metadata = new V1ObjectMeta { Name = Name, Labels = labels },
            Spec = new V1StatefulSetSpec
            {
                ServiceName = Name,
                Replicas = 1,
                Selector = new V1LabelSelector { MatchLabels = KubeLabels.Selector(Name) },
                Template = new V1PodTemplateSpec
                {
                    Metadata = new V1ObjectMeta { Labels = labels },
                    Spec = new V1PodSpec { AutomountServiceAccountToken = false, Containers = [container] },
                },
                VolumeClaimTemplates =
                [
                    new V1PersistentVolumeClaim
                    {
                        Metadata = new V1ObjectMeta { Name = "data", Labels = labels },
                        Spec = new V1PersistentVolumeClaimSpec
                        {
                            AccessModes = ["ReadWriteOnce"],
                            Resources = new V1VolumeResourceRequirements { Requests = new Dictionary<string, ResourceQuantity> { ["storage"] = new("1Gi") } },
                        },
                    },
                ],
            },
        }.Initialize();
    }
}
