namespace Kite.Core.Tasks;

/// <summary>A runnable task that Purge.Service runs instead of a worker, so deletes never take a worker's slots.</summary>
public interface IPurgeTask;
