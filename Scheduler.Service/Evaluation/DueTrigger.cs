namespace Kite.Scheduler.Evaluation;

/// <summary>A trigger row claimed by the evaluation loop.</summary>
public sealed record DueTrigger(string Namespace, string FlowId, string TriggerId, int FlowRevision, string Type, DateTimeOffset NextExecutionDate);
