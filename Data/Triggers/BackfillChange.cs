namespace Kite.Data.Triggers;

/// <summary>The outcome of a backfill command: done, no such trigger (or no backfill), one already under way, or a bad range.</summary>
public enum BackfillChange
{
    Done,
    NotFound,
    Conflict,
    Invalid,
}
