namespace Kite.Messaging;

/// <summary>The queues of the suite. Commands are sent to a queue; events are published to every subscriber.</summary>
public static class Queues
{
    public const string Executor = "executor";
    public const string Worker = "worker";

    /// <summary>The workers' queue for tasks that only wait (Sleep), consumed with its own, larger concurrency.</summary>
    public const string WorkerWaits = "worker-waits";
    public const string Purge = "purge";

    /// <summary>
    /// One queue shared by every scheduler replica (competing consumers), bound to ExecutionChanged and FlowChanged:
    /// each event is handled by one replica, so a Flow trigger fires once, not once per replica.
    /// </summary>
    public const string Scheduler = "scheduler";
}
