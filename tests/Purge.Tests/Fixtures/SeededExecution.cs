namespace Kite.Purge.Tests.Fixtures;

/// <summary>An execution a test writes directly, with its task runs, log lines and metrics.</summary>
public sealed record SeededExecution(
    string Id,
    string Namespace,
    string FlowId,
    string State,
    DateTimeOffset Start,
    DateTimeOffset? End,
    bool Deleted = false,
    int Logs = 2,
    int Metrics = 2,
    int TaskRuns = 1);
