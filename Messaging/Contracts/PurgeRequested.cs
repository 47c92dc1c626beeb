namespace Kite.Messaging.Contracts;

/// <summary>A purge row (state CREATED) is committed by the Api and waits for Purge.Service; acked once the purge has ended.</summary>
public sealed record PurgeRequested(string PurgeId);
