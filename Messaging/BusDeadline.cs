using System.Globalization;

namespace Kite.Messaging;

/// <summary>
/// A deadline for one send or publish. RabbitMQ.Client 7 can wait for a publisher confirmation forever when the broker
/// restarts while a message is in flight (rabbitmq-dotnet-client#1930): without a deadline the caller waits with it,
/// and an executor whose every partition waits so stops moving. Past the deadline the send fails with a
/// <see cref="BrokerTimeoutException"/>, and the caller falls back on what makes sends durable (the outbox, the stale
/// execution sweeper, or a redelivery of the message it consumes).
/// </summary>
public static class BusDeadline
{
    /// <summary>Far above a confirmation's normal round trip (well under a millisecond), short enough to recover in.</summary>
    public static readonly TimeSpan Default = TimeSpan.FromSeconds(15);

    public static async Task WithinAsync(Func<CancellationToken, Task> send, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Default);
        try
        {
            await send(timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new BrokerTimeoutException($"the message broker did not confirm a message within {Default.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s");
        }
    }
}
