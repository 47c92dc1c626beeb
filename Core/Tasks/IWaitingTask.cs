namespace Kite.Core.Tasks;

/// <summary>
/// A runnable task that only waits (Sleep): it takes no CPU while it runs, so it has a worker queue of its own with a
/// far larger concurrency, and a thousand sleeps never hold the slots of the tasks that work.
/// </summary>
public interface IWaitingTask;
