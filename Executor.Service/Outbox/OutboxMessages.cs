using System.Text.Json;
using Kite.Core.Tasks;
using Kite.Data.Records;
using Kite.Messaging;
using Kite.Messaging.Contracts;

namespace Kite.Executor.Outbox;

/// <summary>The messages a step may decide, to and from their outbox rows.</summary>
public static class OutboxMessages
{
    public const string Publish = "publish";

    private static readonly Dictionary<string, Type> Types = new[] { typeof(WorkerJob), typeof(ExecutionChanged), typeof(ExecutionCreated), typeof(ExecutionKilled), typeof(KillExecution), typeof(SubflowExecutionEnded), typeof(QueuedExecutionReleased) }
        .ToDictionary(t => t.Name, StringComparer.Ordinal);

    /// <summary>
    /// A job for the queue that runs its task: purge tasks go to Purge.Service, tasks that only wait to the workers'
    /// waiting queue, every other task to the workers.
    /// </summary>
    public static OutboxMessageRecord ToRunner(WorkerJob job, TaskDefinition? task, DateTimeOffset now) =>
        Row($"queue:{RunnerQueue(task)}", job, now);

    private static string RunnerQueue(TaskDefinition? task) => task switch
    {
        IPurgeTask => Queues.Purge,
        IWaitingTask => Queues.WorkerWaits,
        _ => Queues.Worker,
    };

    public static OutboxMessageRecord ToEveryone<T>(T message, DateTimeOffset now) where T : class => Row(Publish, message, now);

    public static object Read(OutboxMessageRecord row) =>
        JsonSerializer.Deserialize(row.Body, Types[row.MessageType])
            ?? throw new InvalidOperationException($"outbox row {row.Id} holds no {row.MessageType}");

    private static OutboxMessageRecord Row<T>(string destination, T message, DateTimeOffset now) where T : class => new()
    {
        Destination = destination,
        MessageType = typeof(T).Name,
        Body = JsonSerializer.Serialize(message),
        CreatedAt = now,
    };
}
