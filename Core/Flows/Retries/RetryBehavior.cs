namespace Kite.Core.Flows.Retries;

public enum RetryBehavior
{
    RetryFailedTask,
    CreateNewExecution,
}
