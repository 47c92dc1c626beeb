namespace Kite.Core.Executions;

public static class StateExtensions
{
    /// <summary>A terminal state never changes again, except by an explicit restart or replay.</summary>
    public static bool IsTerminated(this State state) => state is
        State.Success or State.Warning or State.Failed or State.Killed or
        State.Cancelled or State.Skipped or State.Retried;

    public static bool IsFailed(this State state) => state is State.Failed or State.Killed;

    /// <summary>The upper-case name Kestra uses in its API and database (<c>RUNNING</c>).</summary>
    public static string ToKestraName(this State state) => state.ToString().ToUpperInvariant();

    public static State ParseKestraName(string name) =>
        Enum.TryParse<State>(name, ignoreCase: true, out var state)
            ? state
            : throw new ArgumentException($"'{name}' is not an execution state", nameof(name));
}
