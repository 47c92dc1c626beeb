using Kite.Core.Executions;

namespace Kite.Data.Purges;

/// <summary>The states a purge may match: an execution in any other state is still running and is never purged.</summary>
public static class TerminatedStates
{
    public static string[] Names { get; } = [.. Enum.GetValues<State>().Where(s => s.IsTerminated()).Select(s => s.ToKestraName())];
}
