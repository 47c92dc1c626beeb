namespace Kite.EndToEnd.Tests.Fixtures;

/// <summary>How an open-loop load came back after a kill, read from the end dates PostgreSQL recorded; every span counts from the kill.</summary>
public sealed record ExecutorRecovery(int InFlight, TimeSpan? BackAtRate, TimeSpan? LastInFlightEnded, TimeSpan? LastEnded)
{
    public static ExecutorRecovery Measure(
        IReadOnlyList<(string Id, DateTimeOffset RequestedAt)> accepted,
        IReadOnlyDictionary<string, (string State, DateTimeOffset? End)> ends,
        DateTimeOffset killedAt,
        int perSecond)
    {
        var endOf = accepted.ToDictionary(a => a.Id, a => ends[a.Id].End);
        var inFlight = accepted.Where(a => a.RequestedAt < killedAt && !(endOf[a.Id] < killedAt)).ToList();
        var after = endOf.Values.OfType<DateTimeOffset>().Where(e => e >= killedAt).Order().ToList();

        // The first one-second window after the kill in which at least the offered rate of executions ended.
        TimeSpan? backAtRate = null;
        for (var i = 0; i + perSecond - 1 < after.Count; i++)
        {
            if (after[i + perSecond - 1] - after[i] <= TimeSpan.FromSeconds(1))
            {
                backAtRate = after[i] - killedAt;
                break;
            }
        }

        return new ExecutorRecovery(
            inFlight.Count,
            backAtRate,
            inFlight.Select(a => endOf[a.Id]).Max() - killedAt,
            after.Count == 0 ? null : after[^1] - killedAt);
    }
}
