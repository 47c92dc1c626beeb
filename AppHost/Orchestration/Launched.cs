using Kite.Hosting.Processes;

namespace Kite.AppHost.Orchestration;

/// <summary>What a launch produced: the process to show and watch, or none for a server we only connect to.</summary>
public sealed record Launched(int? ProcessId, DateTimeOffset StartedAt, Task<int> Exited)
{
    public static Launched From(ChildProcess process) => new(process.Id, process.StartedAt, process.Exited);
}
