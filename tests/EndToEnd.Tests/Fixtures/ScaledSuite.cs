namespace Kite.EndToEnd.Tests.Fixtures;

/// <summary>
/// The suite at the published replica counts (2 executors, 3 workers, 2 schedulers, 2 Api replicas): the local proof
/// that the replicas the Kubernetes manifests ask for can run side by side.
/// </summary>
public sealed class ScaledSuite : IAsyncLifetime
{
    public RunningSuite Suite { get; } = new(new Dictionary<string, string?>
    {
        ["Kite__Replicas__executor"] = "2",
        ["Kite__Replicas__worker"] = "3",
        ["Kite__Replicas__scheduler"] = "2",
        ["Kite__Replicas__api"] = "2",
    });

    public Task InitializeAsync() => Suite.InitializeAsync();

    public Task DisposeAsync() => Suite.DisposeAsync();
}
