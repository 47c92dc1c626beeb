namespace Kite.Bench.Load;

/// <summary>An execution that reached a terminal state, as the database recorded it.</summary>
internal sealed record EndedExecution(string Id, string State, DateTimeOffset StartDate, DateTimeOffset EndDate)
{
    public double Milliseconds => (EndDate - StartDate).TotalMilliseconds;
}
