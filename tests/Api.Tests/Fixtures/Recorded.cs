using System.Collections.Concurrent;

namespace Kite.Api.Tests.Fixtures;

/// <summary>Every message the recording service received, newest last.</summary>
public sealed class Recorded
{
    public ConcurrentQueue<object> Messages { get; } = new();

    public IEnumerable<T> Of<T>() => Messages.OfType<T>();
}
