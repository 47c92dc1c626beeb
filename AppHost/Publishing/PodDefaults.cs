using k8s.Models;

namespace Kite.AppHost.Publishing;

/// <summary>What every Kite pod shares: a non-root user, a read-only root file system with a writable /tmp, no API token.</summary>
public static class PodDefaults
{
    /// <summary>The non-root <c>app</c> user of the .NET base images.</summary>
    public const long AppUserId = 1654;

    private const string TmpVolume = "tmp";

    public static V1PodSpec Spec(V1Container container, string restartPolicy = "Always", long terminationGraceSeconds = 40)
    {
        container.SecurityContext = new V1SecurityContext
        {
            AllowPrivilegeEscalation = false,
            ReadOnlyRootFilesystem = true,
            Capabilities = new V1Capabilities { Drop = ["ALL"] },
        };
        container.VolumeMounts = [new V1VolumeMount { Name = TmpVolume, MountPath = "/tmp" }];
        return new V1PodSpec
        {
            AutomountServiceAccountToken = false,
            RestartPolicy = restartPolicy,
            TerminationGracePeriodSeconds = terminationGraceSeconds,
            SecurityContext = new V1PodSecurityContext
            {
                RunAsNonRoot = true,
                RunAsUser = AppUserId,
                RunAsGroup = AppUserId,
                FsGroup = AppUserId,
                SeccompProfile = new V1SeccompProfile { Type = "RuntimeDefault" },
            },
            Containers = [container],
            Volumes = [new V1Volume { Name = TmpVolume, EmptyDir = new V1EmptyDirVolumeSource() }],
        };
    }

    public static V1ResourceRequirements Resources(string cpuRequest, string memoryRequest, string cpuLimit, string memoryLimit) => new()
    {
        Requests = new Dictionary<string, ResourceQuantity> { ["cpu"] = new(cpuRequest), ["memory"] = new(memoryRequest) },
        Limits = new Dictionary<string, ResourceQuantity> { ["cpu"] = new(cpuLimit), ["memory"] = new(memoryLimit) },
    };
}
