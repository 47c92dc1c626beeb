namespace Kite.ServiceDefaults.ServiceInstances;

/// <summary>
/// Who this process is: the service type comes from <c>OTEL_SERVICE_NAME</c> (set by the AppHost and the manifests),
/// the id is unique per process so that a restarted replica never takes over a dead one's row.
/// </summary>
public sealed record ServiceInstanceIdentity(string Id, string ServiceType, string Host, int ProcessId)
{
    public static ServiceInstanceIdentity Create(string serviceType) =>
        new(Guid.NewGuid().ToString("N"), serviceType, Environment.MachineName, Environment.ProcessId);
}
