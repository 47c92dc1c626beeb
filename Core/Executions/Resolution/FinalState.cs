namespace Kite.Core.Executions.Resolution;

/// <summary>Kestra's <c>guessFinalState</c>: KILLED over FAILED over WARNING over PAUSED over SUCCESS.</summary>
public static class FinalState
{
    public static State Of(IEnumerable<TaskRun> runs)
    {
        var states = runs.Select(r => r.State).ToHashSet();
        foreach (var state in new[] { State.Killed, State.Failed, State.Warning, State.Paused })
        {
            if (states.Contains(state))
            {
                return state;
            }
        }

        return State.Success;
    }

    /// <summary>A task's <c>allowFailure</c> turns FAILED into WARNING; its <c>allowWarning</c> turns WARNING into SUCCESS.</summary>
    public static State Allowed(State state, bool allowFailure, bool allowWarning)
    {
        if (state == State.Failed && allowFailure)
        {
            state = State.Warning;
        }

        return state == State.Warning && allowWarning ? State.Success : state;
    }
}
