namespace Kite.Core.Executions;

/// <summary>A runnable task run for a worker, with the variables its expressions render against, and them as JSON.</summary>
public sealed record TaskRunJob(string TaskRunId, string TaskId, int Attempt, IReadOnlyDictionary<string, object?> Variables, string VariablesJson);
