namespace Kite.Bench.Load;

/// <summary>One request of an open-loop run: when it was due, whether it counts (after warm-up), what the Api answered and how fast.</summary>
internal sealed record SentExecution(bool Measured, string? ExecutionId, double ClientMs);
