using System.Collections.Concurrent;
using System.Reflection;
using MassTransit;

namespace Kite.Integration.Tests.ServiceDefaults;

/// <summary>
/// An <see cref="IPublishEndpoint"/> that records what is published, or does instead what the test queued for the next
/// publish (fail it, hold it): what a publisher does, without a broker's timing in the way. A proxy, because the
/// interface has a dozen overloads and every one of them publishes.
/// </summary>
public class RecordingPublishEndpoint : DispatchProxy
{
    private int attempts;

    public ConcurrentQueue<object> Published { get; } = new();

    /// <summary>What the next publishes do instead of succeeding, one each, in order.</summary>
    public ConcurrentQueue<Func<Task>> Instead { get; } = new();

    public int Attempts => Volatile.Read(ref attempts);

    public IPublishEndpoint Endpoint => (IPublishEndpoint)(object)this;

    public static RecordingPublishEndpoint Create() => (RecordingPublishEndpoint)(object)Create<IPublishEndpoint, RecordingPublishEndpoint>();

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        if (targetMethod?.Name != nameof(IPublishEndpoint.Publish))
        {
            throw new NotSupportedException(targetMethod?.Name);
        }

        Interlocked.Increment(ref attempts);
        if (Instead.TryDequeue(out var instead))
        {
            return instead();
        }

        Published.Enqueue(args![0]!);
        return Task.CompletedTask;
    }
}
