using Kite.AppHost.Orchestration;

namespace Kite.AppHost.Tests;

public sealed class RestartBackoffTests
{
    [Fact]
    public void Restarts_of_a_replica_that_keeps_crashing_wait_1_2_4_8_16_then_30_seconds()
    {
        var backoff = new RestartBackoff();

        var delays = Enumerable.Range(0, 7).Select(_ => backoff.Next(TimeSpan.FromSeconds(2)).TotalSeconds).ToList();

        Assert.Equal([1, 2, 4, 8, 16, 30, 30], delays);
    }

    [Fact]
    public void A_replica_that_ran_for_a_minute_before_crashing_restarts_after_1_second_again()
    {
        var backoff = new RestartBackoff();
        backoff.Next(TimeSpan.Zero);
        backoff.Next(TimeSpan.Zero);
        backoff.Next(TimeSpan.Zero);

        Assert.Equal(TimeSpan.FromSeconds(1), backoff.Next(TimeSpan.FromMinutes(2)));
    }
}
