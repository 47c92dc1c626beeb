using Kite.Core.Flows.Retries;

namespace Kite.Core.Executions.Retries;

/// <summary>
/// When a failed attempt is tried again under a retry policy, or null when the policy is spent: attempts reached
/// <c>maxAttempts</c> (the first attempt counts), or the next try would start after the first attempt plus <c>maxDuration</c>.
/// </summary>
public static class RetryDecision
{
    public static DateTimeOffset? Next(Retry policy, int attemptsSoFar, DateTimeOffset firstAttempt, DateTimeOffset now, double random)
    {
        if (policy.MaxAttempts is { } max && attemptsSoFar >= max)
        {
            return null;
        }

        var delay = Delay(policy, attemptsSoFar, random);
        // A try past the calendar is never: the policy is spent.
        if (delay >= DateTimeOffset.MaxValue - now)
        {
            return null;
        }

        var due = now + delay;
        if (policy.MaxDuration is not { } text)
        {
            return due;
        }

        var most = TaskTimes.Read(text, "retry.maxDuration");
        return most < DateTimeOffset.MaxValue - firstAttempt && due > firstAttempt + most ? null : due;
    }

    /// <summary>The wait before attempt <paramref name="attemptsSoFar"/> + 1.</summary>
    public static TimeSpan Delay(Retry policy, int attemptsSoFar, double random) => policy switch
    {
        ConstantRetry constant => TaskTimes.Read(constant.Interval, "retry.interval"),
        ExponentialRetry exponential => Exponential(exponential, attemptsSoFar),
        RandomRetry range => Between(TaskTimes.Read(range.MinInterval, "retry.minInterval"), TaskTimes.Read(range.MaxInterval, "retry.maxInterval"), random),
        _ => throw new ArgumentOutOfRangeException(nameof(policy), policy.Type, "unknown retry type"),
    };

    // interval × factor^(n − 1), capped: the documented exponential back-off (Kestra's code grows linearly, a quirk not copied).
    private static TimeSpan Exponential(ExponentialRetry policy, int attemptsSoFar)
    {
        var interval = TaskTimes.Read(policy.Interval, "retry.interval");
        var cap = TaskTimes.Read(policy.MaxInterval, "retry.maxInterval");
        var ticks = interval.Ticks * Math.Pow(policy.DelayFactor ?? 2, Math.Max(0, attemptsSoFar - 1));
        return ticks >= cap.Ticks ? cap : TimeSpan.FromTicks((long)ticks);
    }

    private static TimeSpan Between(TimeSpan min, TimeSpan max, double random) =>
        max <= min ? min : min + TimeSpan.FromTicks((long)((max - min).Ticks * random));
}
