using Kite.Engine.Tests.Fixtures;
using Microsoft.Extensions.Configuration;

namespace Kite.Purge.Tests.Fixtures;

/// <summary>
/// The engine fixture (executor and worker) plus Purge.Service, wired as their services wire them. Retention
/// schedules are set never to fire on their own; tests trigger them. Purges are paced as configured by default.
/// </summary>
public sealed class PurgeFixture() : EngineFixture([("purge", builder =>
{
    builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Kite:Purge:Retention:Executions:Schedule"] = Never,
        ["Kite:Purge:Retention:Logs:Schedule"] = Never,
        ["Kite:Purge:Retention:Namespaces:retention.keep:Logs"] = "30.00:00:00",
        // The service runs inside the test process: its threads are the executor's and worker's too, so leave their priority.
        ["Kite:Purge:Pacing:Nice"] = "0",
    });
    Kite.Purge.Extensions.Extensions.AddApplicationServices(builder);
})])
{
    private const string Never = "0 0 0 1 1 ? 2099";
}
