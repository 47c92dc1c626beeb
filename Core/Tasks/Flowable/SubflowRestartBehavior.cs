namespace Kite.Core.Tasks.Flowable;

public enum SubflowRestartBehavior
{
    RetryFailed,
    NewExecution,
}
