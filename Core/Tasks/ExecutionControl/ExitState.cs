namespace Kite.Core.Tasks.ExecutionControl;

public enum ExitState
{
    Success,
    Warning,
    Killed,
    Failed,
    Canceled,
}
