using Kite.Data.Purges;
using Kite.Purge.Pacing;
using Microsoft.Extensions.Options;
using Quartz;

namespace Kite.Purge.Retention;

/// <summary>
/// Applies one retention policy (<c>executions</c> or <c>logs</c>): the default age everywhere but the overridden
/// namespaces, then each override. Every run is a purge row named after its policy and fire time, so a run cut
/// short and fired again by Quartz's misfire handling resumes instead of starting over. Retention purges are paced
/// at <see cref="PurgePriority.Retention"/>, the most polite: nobody waits for them.
/// </summary>
[DisallowConcurrentExecution]
public sealed class RetentionJob(ExecutionPurger executions, LogPurger logs, PurgePacers pacers, IOptions<RetentionOptions> options, TimeProvider clock) : IJob
{
    public const string PolicyKey = "policy";
    public const string ExecutionsPolicy = "executions";
    public const string LogsPolicy = "logs";

    public async Task Execute(IJobExecutionContext context)
    {
        var policy = context.MergedJobDataMap.GetString(PolicyKey);
        var settings = options.Value;
        var now = clock.GetUtcNow();
        var run = $"retention-{policy}-{context.ScheduledFireTimeUtc ?? now:yyyyMMddHHmmss}";
        var overrides = settings.Namespaces
            .Select(n => (Namespace: n.Key, Age: policy == ExecutionsPolicy ? n.Value.Executions : n.Value.Logs))
            .Where(n => n.Age is not null)
            .ToList();
        // An override is purged without the overrides nested in it, which are purged on their own terms.
        var scopes = overrides.Select(o => (Id: $"{run}-{o.Namespace}", (string?)o.Namespace,
                (IReadOnlyList<string>?)overrides.Where(n => n.Namespace.StartsWith(o.Namespace + ".", StringComparison.Ordinal)).Select(n => n.Namespace).ToList(),
                o.Age!.Value))
            .Prepend((Id: run, null, overrides.Select(o => o.Namespace).ToList(), policy == ExecutionsPolicy ? settings.Executions.Age : settings.Logs.Age));
        foreach (var (id, ns, except, age) in scopes)
        {
            if (policy == ExecutionsPolicy)
            {
                await executions.RunAsync(id, new ExecutionPurgeRequest
                {
                    Namespace = ns,
                    ExceptNamespaces = except,
                    EndDate = now - age,
                    BatchSize = settings.Executions.BatchSize,
                }, pacers.For(id, PurgePriority.Retention), context.CancellationToken);
            }
            else
            {
                await logs.RunAsync(id, new LogPurgeRequest
                {
                    Namespace = ns,
                    ExceptNamespaces = except,
                    EndDate = now - age,
                    BatchSize = settings.Logs.BatchSize,
                }, pacers.For(id, PurgePriority.Retention), context.CancellationToken);
            }
        }
    }
}
