namespace Kite.Api.Triggers;

/// <summary>A trigger named by its flow and id: the body of the backfill routes (any other field of a trigger is ignored).</summary>
public sealed record TriggerKey(string Namespace, string FlowId, string TriggerId)
{
    public override string ToString() => $"{Namespace}.{FlowId}.{TriggerId}";
}
