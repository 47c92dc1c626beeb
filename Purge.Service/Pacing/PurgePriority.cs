namespace Kite.Purge.Pacing;

/// <summary>Who waits for a purge, which decides how far it yields to the engine.</summary>
public enum PurgePriority
{
    /// <summary>Started by a PurgeExecutions or PurgeLogs task run or through the Api: someone waits for it.</summary>
    Requested,

    /// <summary>A scheduled retention policy: nobody waits, so it is the most polite.</summary>
    Retention,
}
