using Kite.Core.Executions;
using Kite.Data.Records;

namespace Kite.Data.Executions;

/// <summary>An execution loaded with its row locked for one executor step, and the rows it came from.</summary>
public sealed record LockedExecution(Execution Execution, ExecutionRecord Record, Dictionary<string, TaskRunRecord> TaskRunRecords);
