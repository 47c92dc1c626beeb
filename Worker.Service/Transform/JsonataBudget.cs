namespace Kite.Worker.Transform;

/// <summary>
/// What one JSONata evaluation may spend: wall time, bytes allocated, and evaluation depth (the task's <c>maxDepth</c>).
/// A hostile expression (an endless recursion, a string doubled without end) fails its task run instead of the worker.
/// </summary>
public sealed record JsonataBudget(TimeSpan Timeout, long MemoryBytes, int MaxDepth);
