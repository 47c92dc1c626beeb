namespace Kite.ServiceDefaults.ServiceInstances;

/// <summary>Settings of <c>Kite:ServiceInstance</c>.</summary>
public sealed class ServiceInstanceOptions
{
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Rows of instances silent for longer than this are deleted, so the table never grows without bound.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromHours(24);
}
