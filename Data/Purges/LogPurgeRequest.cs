namespace Kite.Data.Purges;

/// <summary>
/// Which logs to purge, with PurgeLogs' properties: <see cref="Namespace"/> is a prefix when <see cref="FlowId"/> is
/// absent; <see cref="StartDate"/> and <see cref="EndDate"/> bound the line's timestamp. Lines of triggers (no
/// execution) are matched too unless <see cref="PurgeNonExecutionLogs"/> is false.
/// </summary>
public sealed record LogPurgeRequest
{
    public const int DefaultBatchSize = 10_000;

    public string? Namespace { get; init; }
    public string? FlowId { get; init; }

    /// <summary>Namespaces (prefixes) left alone: retention's per-namespace overrides purge those on their own terms.</summary>
    public IReadOnlyList<string>? ExceptNamespaces { get; init; }

    public string? ExecutionId { get; init; }
    public IReadOnlyList<string>? LogLevels { get; init; }
    public DateTimeOffset? StartDate { get; init; }
    public required DateTimeOffset EndDate { get; init; }
    public bool PurgeExecutionLogs { get; init; } = true;
    public bool PurgeNonExecutionLogs { get; init; } = true;

    /// <summary>Lines deleted per statement and transaction; Kestra deletes in one statement, which holds its locks for as long as it runs.</summary>
    public int BatchSize { get; init; } = DefaultBatchSize;

    private static readonly string[] Levels = ["TRACE", "DEBUG", "INFO", "WARN", "ERROR"];

    public IReadOnlyList<string> Violations()
    {
        List<string> violations = [];
        if (BatchSize is < 1 or > 100_000)
        {
            violations.Add($"batchSize must be between 1 and 100000, not {BatchSize}");
        }

        if (StartDate > EndDate)
        {
            violations.Add($"startDate {StartDate:O} is after endDate {EndDate:O}");
        }

        violations.AddRange((LogLevels ?? []).Where(l => !Levels.Contains(l, StringComparer.OrdinalIgnoreCase))
            .Select(l => $"logLevels: '{l}' is not one of {string.Join(", ", Levels)}"));
        if (FlowId is not null && Namespace is null)
        {
            violations.Add("flowId needs a namespace");
        }

        return violations;
    }
}
