using Kite.Core.Flows.Reading;

namespace Kite.Core.Triggers;

/// <summary>The trigger types Kite knows, by Kestra's full names and legacy aliases.</summary>
public static class TriggerTypes
{
    private const string Legacy = "io.kestra.core.models.triggers.types.";

    public static TypeCatalog Catalog { get; } = new TypeCatalog()
        .Add<Schedule>("io.kestra.plugin.core.trigger.Schedule", Legacy + "Schedule")
        .Add<Webhook>("io.kestra.plugin.core.trigger.Webhook", Legacy + "Webhook")
        .Add<FlowTrigger>("io.kestra.plugin.core.trigger.Flow", Legacy + "Flow")
        .Add<HttpTrigger>("io.kestra.plugin.core.http.Trigger", "io.kestra.plugin.fs.http.Trigger");
}
