namespace Kite.AppHost.Orchestration;

/// <summary>The lifecycle states the dashboard shows, with Aspire's names.</summary>
public enum ResourceState
{
    NotStarted,
    Waiting,
    Starting,
    Running,
    Finished,
    Exited,
    FailedToStart,
    Stopping,
    Stopped,
}
