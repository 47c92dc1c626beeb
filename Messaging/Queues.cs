namespace Kite.Messaging;

/// <summary>The queues of the suite. Commands are sent to a queue; events are published to every subscriber.</summary>
public static class Queues
{
    public const string Executor = "executor";
    public const string Worker = "worker";
    public const string Purge = "purge";
}
