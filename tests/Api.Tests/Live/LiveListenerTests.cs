using Kite.Api.Live;
using Kite.Api.Routing;
using Kite.Api.Tests.Fixtures;
using Kite.Integration.Tests.Data;
using Kite.Integration.Tests.Fixtures;
using Kite.Messaging.Contracts;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Kite.Api.Tests.Live;

/// <summary>
/// An Api replica receives execution changes only while someone follows an execution on it: the first follower binds
/// the replica's live queue before it goes on, and the queue is stopped once nobody has followed for a while.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class LiveListenerTests(ApiFixture fixture)
{
    [Fact]
    public async Task A_replica_listens_only_while_someone_follows_and_each_first_follower_hears_the_next_change()
    {
        // A replica of its own: the fixture's Apis have followers from other tests.
        await using var api = ApiFixture.Factory(fixture.Database, fixture.Infrastructure.RabbitMqConnectionString, ApiFixture.Password)
            .WithWebHostBuilder(web => web.UseSetting("Api:LiveIdleSeconds", "1"));
        _ = api.Server;
        var listener = api.Services.GetRequiredService<LiveListener>();
        var changes = api.Services.GetRequiredService<FanOut<ExecutionChanged>>();
        var bus = api.Services.GetRequiredService<IBus>();
        await Eventually.BecomesAsync(() => Task.FromResult(api.Services.GetRequiredService<IBusControl>().CheckHealth().Status),
            s => s == BusHealthStatus.Healthy, "the bus is connected");

        Assert.False(listener.Listening);

        for (var round = 0; round < 2; round++)
        {
            var id = $"live-{Guid.NewGuid():N}";
            using var subscription = changes.Subscribe(id);
            using (await listener.FollowAsync(CancellationToken.None))
            {
                Assert.True(listener.Listening);
                // Published right after the first follower was let through: the queue must already be bound.
                await bus.Publish(new ExecutionChanged(id, "company.team", "flow", "RUNNING", DateTimeOffset.UtcNow, null));
                using var received = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                var change = await subscription.Reader.ReadAsync(received.Token);
                Assert.Equal(id, change.ExecutionId);
            }

            await Eventually.BecomesAsync(() => Task.FromResult(listener.Listening), listening => !listening, "the replica stops listening once nobody follows");
        }
    }

    [Fact]
    public async Task The_idle_delay_stops_listening_only_when_nobody_has_followed_since_the_last_one_left()
    {
        var clock = new HeldClock();
        using var listener = new LiveListener(
            fixture.Api.Services.GetRequiredService<IReceiveEndpointConnector>(),
            Options.Create(new ApiOptions { LiveIdleSeconds = 60 }),
            clock,
            NullLogger<LiveListener>.Instance);

        (await listener.FollowAsync(CancellationToken.None)).Dispose();
        await clock.TimerStarted;
        var second = await listener.FollowAsync(CancellationToken.None);
        clock.Fire();

        Assert.True(listener.Listening);

        second.Dispose();
        clock.Fire();

        await Eventually.BecomesAsync(() => Task.FromResult(listener.Listening), listening => !listening, "the replica stops listening once the delay has passed with nobody following");
    }
}
