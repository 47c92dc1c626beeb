namespace Kite.Purge.Pacing;

/// <summary>Whether the engine is running executions right now, as a purge's pacer sees it.</summary>
public interface IEngineActivity
{
    ValueTask<bool> IsBusyAsync(CancellationToken cancellationToken);
}
