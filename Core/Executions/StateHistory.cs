namespace Kite.Core.Executions;

/// <summary>A current state with the history of how it got there; entering the current state again is a no-op.</summary>
public sealed class StateHistory
{
    public StateHistory(State initial, DateTimeOffset now) => Changes = [new StateChange(initial, now)];

    public StateHistory(IEnumerable<StateChange> changes) => Changes = [.. changes];

    public List<StateChange> Changes { get; }

    public State Current => Changes[^1].State;

    public DateTimeOffset StartDate => Changes[0].Date;

    /// <summary>Set once the state is terminal (or paused), as Kestra derives it.</summary>
    public DateTimeOffset? EndDate => Current.IsTerminated() || Current == State.Paused ? Changes[^1].Date : null;

    public bool Enter(State state, DateTimeOffset now)
    {
        if (Current == state)
        {
            return false;
        }

        Changes.Add(new StateChange(state, now));
        return true;
    }
}
