namespace Kite.Messaging.Contracts;

/// <summary>Asks the executor to resume a paused execution with the Pause's <c>onResume</c> inputs (a JSON object, already validated).</summary>
public sealed record ResumeExecution(string ExecutionId, string? Inputs);
