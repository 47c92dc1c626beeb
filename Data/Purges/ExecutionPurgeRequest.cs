using Kite.Core.Executions;

namespace Kite.Data.Purges;

/// <summary>
/// Which executions to purge and what of them, with PurgeExecutions' properties: <see cref="Namespace"/> is a prefix
/// when <see cref="FlowId"/> is absent; <see cref="StartDate"/> is matched against the start, <see cref="EndDate"/>
/// against the end. Only terminated executions are ever matched, whatever <see cref="States"/> says.
/// </summary>
public sealed record ExecutionPurgeRequest
{
    public const int MaxBatchSize = 10_000;

    public string? Namespace { get; init; }
    public string? FlowId { get; init; }

    /// <summary>Namespaces (prefixes) left alone: retention's per-namespace overrides purge those on their own terms.</summary>
    public IReadOnlyList<string>? ExceptNamespaces { get; init; }

    public DateTimeOffset? StartDate { get; init; }
    public required DateTimeOffset EndDate { get; init; }
    public IReadOnlyList<string>? States { get; init; }
    public bool PurgeExecution { get; init; } = true;
    public bool PurgeLog { get; init; } = true;
    public bool PurgeMetric { get; init; } = true;
    public bool PurgeStorage { get; init; } = true;
    public int BatchSize { get; init; } = 100;

    /// <summary>What is wrong with this request, one sentence each; empty when it can run.</summary>
    public IReadOnlyList<string> Violations()
    {
        List<string> violations = [];
        if (BatchSize is < 1 or > MaxBatchSize)
        {
            violations.Add($"batchSize must be between 1 and {MaxBatchSize}, not {BatchSize}");
        }

        if (StartDate > EndDate)
        {
            violations.Add($"startDate {StartDate:O} is after endDate {EndDate:O}");
        }

        foreach (var state in States ?? [])
        {
            if (!Enum.TryParse<State>(state, ignoreCase: true, out var parsed))
            {
                violations.Add($"states: '{state}' is not an execution state");
            }
            else if (!parsed.IsTerminated())
            {
                violations.Add($"states: {parsed.ToKestraName()} is not a terminated state; only ended executions are purged");
            }
        }

        if (FlowId is not null && Namespace is null)
        {
            violations.Add("flowId needs a namespace");
        }

        return violations;
    }

    /// <summary>The states to match: the requested ones, or every terminated state.</summary>
    public string[] MatchedStates() => States is { Count: > 0 } states
        ? [.. states.Select(s => StateExtensions.ParseKestraName(s).ToKestraName()).Distinct()]
        : TerminatedStates.Names;
}
