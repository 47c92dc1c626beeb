namespace Kite.Core.Executions.Resolution;

/// <summary>How far a list of tasks run one after the other has got.</summary>
public sealed record ListProgress(PlannedRun? Next, bool Waiting, bool Failed)
{
    public bool Done => Next is null && !Waiting;
}
