using Quartz;

namespace Kite.Scheduler.Evaluation;

/// <summary>The evaluation loop as a Quartz job: never runs alongside itself, so a slow tick delays the next instead of overlapping it.</summary>
[DisallowConcurrentExecution]
public sealed class EvaluationJob(EvaluationLoop loop, ILogger<EvaluationJob> logger) : IJob
{
    public async Task Execute(IJobExecutionContext context)
    {
        try
        {
            await loop.TickAsync(context.CancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Evaluation tick failed; the next tick retries");
        }
    }
}
