using Kite.Api.Live;

namespace Kite.Api.Tests.Live;

public sealed class FanOutTests
{
    [Fact]
    public async Task Each_subscriber_of_a_key_receives_its_messages_and_no_other_keys()
    {
        var fanOut = new FanOut<int>(capacity: 4);
        using var first = fanOut.Subscribe("a");
        using var second = fanOut.Subscribe("a");
        using var other = fanOut.Subscribe("b");

        fanOut.Publish("a", 1);

        Assert.Equal(1, await first.Reader.ReadAsync());
        Assert.Equal(1, await second.Reader.ReadAsync());
        Assert.False(other.Reader.TryRead(out _));
    }

    [Fact]
    public async Task A_subscriber_that_falls_behind_is_dropped_without_blocking_the_publisher_or_the_others()
    {
        var fanOut = new FanOut<int>(capacity: 2);
        using var slow = fanOut.Subscribe("a");
        using var fast = fanOut.Subscribe("a");

        for (var i = 1; i <= 3; i++)
        {
            fanOut.Publish("a", i);
            Assert.Equal(i, await fast.Reader.ReadAsync());
        }

        Assert.Equal(1, await slow.Reader.ReadAsync());
        Assert.Equal(2, await slow.Reader.ReadAsync());
        await Assert.ThrowsAsync<SlowSubscriberException>(async () => await slow.Reader.WaitToReadAsync());
        fanOut.Publish("a", 4);
        Assert.Equal(4, await fast.Reader.ReadAsync());
    }

    [Fact]
    public void Disposing_the_last_subscription_of_a_key_forgets_the_key()
    {
        var fanOut = new FanOut<int>(capacity: 2);
        var first = fanOut.Subscribe("a");
        var second = fanOut.Subscribe("a");

        first.Dispose();
        Assert.Equal(1, fanOut.Keys);
        second.Dispose();
        second.Dispose();
        Assert.Equal(0, fanOut.Keys);
    }
}
