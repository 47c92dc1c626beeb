namespace Kite.AppHost.Orchestration;

public enum HealthStatus
{
    Unknown,
    Healthy,
    Unhealthy,
}
