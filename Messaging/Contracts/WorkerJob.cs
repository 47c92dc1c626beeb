namespace Kite.Messaging.Contracts;

/// <summary>
/// A runnable task run for a worker: which task of which flow revision, which attempt, and the variables its
/// expressions render against (a JSON object). Acked by the worker only after its result is published.
/// </summary>
public sealed record WorkerJob(
    string ExecutionId,
    string TaskRunId,
    string TaskId,
    int Attempt,
    string Namespace,
    string FlowId,
    int FlowRevision,
    string Variables);
