namespace Kite.Purge.Retention;

/// <summary>Settings of <c>Kite:Purge:Retention</c>.</summary>
public sealed class RetentionOptions
{
    /// <summary>Terminated executions with their task runs, logs, metrics and files. Off unless enabled.</summary>
    public RetentionPolicy Executions { get; set; } = new() { Age = TimeSpan.FromDays(30), Schedule = "0 0 3 * * ?" };

    /// <summary>Log lines (of executions and of triggers), hourly.</summary>
    public RetentionPolicy Logs { get; set; } = new() { Enabled = true, Age = TimeSpan.FromDays(7), Schedule = "0 15 * * * ?", BatchSize = 10_000 };

    /// <summary>Per-namespace ages by namespace (a prefix), overriding the two above.</summary>
    public Dictionary<string, NamespaceRetention> Namespaces { get; set; } = [];
}
