namespace Kite.Core.Triggers;

public enum RecoverMissedSchedules
{
    All,
    Last,
    None,
}
