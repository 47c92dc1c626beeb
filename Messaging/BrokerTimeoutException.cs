namespace Kite.Messaging;

/// <summary>
/// The broker did not confirm a send within <see cref="BusDeadline.Default"/>. The message may or may not have reached
/// it; callers either fall back on a durable path (outbox, sweeper, redelivery) or answer that the request can be
/// retried (the Api's 503).
/// </summary>
public sealed class BrokerTimeoutException(string message) : TimeoutException(message);
