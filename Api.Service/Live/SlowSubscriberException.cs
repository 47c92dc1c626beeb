namespace Kite.Api.Live;

/// <summary>Ends a live client that fell more than its buffer behind; it reconnects and starts from the current state.</summary>
public sealed class SlowSubscriberException(string key, int capacity)
    : Exception($"the client following '{key}' fell {capacity} messages behind and was disconnected");
