using Kite.Core.Executions;

namespace Kite.Scheduler.ExecutionChanges;

/// <summary>One <c>ExecutionChanged</c> event, its state parsed.</summary>
public sealed record ExecutionStateChange(string ExecutionId, string Namespace, string FlowId, State State);
