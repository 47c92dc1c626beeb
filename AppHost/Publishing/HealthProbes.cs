using k8s.Models;

namespace Kite.AppHost.Publishing;

/// <summary>
/// Probes on the endpoints every service maps (ServiceDefaults): <c>/alive</c> says the process answers, <c>/health</c>
/// that the database and the bus are reachable. A pod that loses the database is taken out of its Service, not killed.
/// </summary>
public static class HealthProbes
{
    public const string Alive = "/alive";
    public const string Health = "/health";

    /// <summary>
    /// Gives a starting service 150 s: longer than its schema check waits for the database (120 s by default), so
    /// the liveness probe never kills a pod that is still waiting for PostgreSQL or for the migration Job.
    /// </summary>
    public static V1Probe Startup() => Http(Alive, periodSeconds: 5, timeoutSeconds: 3, failureThreshold: 30);

    public static V1Probe Liveness() => Http(Alive, periodSeconds: 10, timeoutSeconds: 3, failureThreshold: 3);

    public static V1Probe Readiness() => Http(Health, periodSeconds: 10, timeoutSeconds: 5, failureThreshold: 3);

    private static V1Probe Http(string path, int periodSeconds, int timeoutSeconds, int failureThreshold) => new()
    {
        HttpGet = new V1HTTPGetAction { Path = path, Port = "http" },
        PeriodSeconds = periodSeconds,
        TimeoutSeconds = timeoutSeconds,
        FailureThreshold = failureThreshold,
    };
}
