namespace Kite.Scheduler.FlowTriggers;

/// <summary>An enabled Flow trigger's row: which trigger, in which revision of its flow.</summary>
public sealed record FlowTriggerRow(string Namespace, string FlowId, string TriggerId, int Revision);
