namespace Kite.Worker.Runners;

/// <summary>The runners of this worker by task class; adding a runnable task type is one runner and one registration.</summary>
public sealed class TaskRunners(IEnumerable<ITaskRunner> runners)
{
    private readonly Dictionary<Type, ITaskRunner> byType = runners.ToDictionary(r => r.TaskType);

    public ITaskRunner? For(Type taskType) => byType.GetValueOrDefault(taskType);
}
