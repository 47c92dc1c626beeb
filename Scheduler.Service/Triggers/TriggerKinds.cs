using Kite.Core.Triggers;

namespace Kite.Scheduler.Triggers;

/// <summary>The trigger types the scheduler keeps a row for, by the full name stored in <c>triggers.type</c>.</summary>
public static class TriggerKinds
{
    public const string Schedule = "io.kestra.plugin.core.trigger.Schedule";
    public const string Flow = "io.kestra.plugin.core.trigger.Flow";
    public const string Http = "io.kestra.plugin.core.http.Trigger";

    /// <summary>The stored type of a trigger, or null for those the scheduler does not evaluate (webhooks).</summary>
    public static string? Of(Trigger trigger) => trigger switch
    {
        Core.Triggers.Schedule => Schedule,
        FlowTrigger => Flow,
        HttpTrigger => Http,
        _ => null,
    };
}
