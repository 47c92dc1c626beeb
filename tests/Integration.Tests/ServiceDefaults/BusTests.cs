using Kite.Integration.Tests.Fixtures;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Kite.Integration.Tests.ServiceDefaults;

[Collection(InfrastructureCollection.Name)]
public sealed class BusTests(Infrastructure infrastructure)
{
    [Fact]
    public async Task A_message_published_on_the_kite_bus_reaches_a_consumer_through_rabbitmq()
    {
        var db = await MigratedDatabase.CreateAsync(infrastructure);
        var received = new TaskCompletionSource<Ping>(TaskCreationOptions.RunContinuationsAsynchronously);
        var app = TestService.Build(db, infrastructure.RabbitMqConnectionString,
            bus: bus => bus.AddConsumer<PingConsumer>(),
            configure: builder => builder.Services.AddSingleton<PingInbox>());
        app.Services.GetRequiredService<PingInbox>().Received = received;
        await app.StartAsync();
        await Eventually.BecomesAsync(
            () => Task.FromResult(app.Services.GetRequiredService<IBusControl>().CheckHealth().Status),
            status => status == BusHealthStatus.Healthy, "the bus is connected");

        var ping = new Ping(Guid.NewGuid());
        await app.Services.GetRequiredService<IPublishEndpoint>().Publish(ping);

        Assert.Equal(ping, await received.Task.WaitAsync(TimeSpan.FromSeconds(30)));
        await app.StopAsync();
        await app.DisposeAsync();
    }

    public sealed record Ping(Guid Id);

    public sealed class PingInbox
    {
        public TaskCompletionSource<Ping>? Received { get; set; }
    }

    public sealed class PingConsumer(PingInbox inbox) : IConsumer<Ping>
    {
        public Task Consume(ConsumeContext<Ping> context)
        {
            inbox.Received?.TrySetResult(context.Message);
            return Task.CompletedTask;
        }
    }
}
