namespace Kite.Integration.Tests.Fixtures;

/// <summary>Waits for a condition instead of sleeping and hoping; fails with the condition's name when time runs out.</summary>
public static class Eventually
{
    public static async Task<T> BecomesAsync<T>(Func<Task<T>> probe, Func<T, bool> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTimeOffset.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        T last;
        do
        {
            last = await probe();
            if (condition(last))
            {
                return last;
            }

            await Task.Delay(50);
        }
        while (DateTimeOffset.UtcNow < deadline);

        throw new TimeoutException($"Timed out waiting until {what}; last value: {last}");
    }
}
