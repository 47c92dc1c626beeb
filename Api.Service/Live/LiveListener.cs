using Kite.Api.Routing;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Kite.Api.Live;

/// <summary>
/// The replica's subscription to ExecutionChanged and LogsWritten (a temporary queue of its own, deleted when it
/// stops) exists only while someone follows an execution here: a replica nobody watches receives nothing, which at
/// 100 executions/s spares the broker and the Api some 300 deliveries a second. The first follower connects it and
/// waits until it is bound, before its first read of the row, so no change falls between them; it is stopped once
/// nobody has followed for <see cref="ApiOptions.LiveIdleSeconds"/>.
/// </summary>
public sealed class LiveListener(IReceiveEndpointConnector connector, IOptions<ApiOptions> options, TimeProvider clock, ILogger<LiveListener> logger) : IDisposable
{
    /// <summary>How long the first follower waits for the queue to be bound; past it, it follows by reading the row again.</summary>
    private static readonly TimeSpan ReadyWait = TimeSpan.FromSeconds(10);

    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly Lock counting = new();
    private HostReceiveEndpointHandle? endpoint;
    private ITimer? idle;
    private int followers;

    /// <summary>True while the replica's live queue is connected.</summary>
    public bool Listening => Volatile.Read(ref endpoint) is not null;

    /// <summary>Counts a follower and returns once the live queue is bound; dispose the lease when the follower leaves.</summary>
    public async Task<IDisposable> FollowAsync(CancellationToken cancellationToken)
    {
        lock (counting)
        {
            followers++;
            idle?.Dispose();
            idle = null;
        }

        var lease = new Lease(this);
        try
        {
            await ConnectAsync(cancellationToken);
        }
        catch
        {
            lease.Dispose();
            throw;
        }

        return lease;
    }

    private async Task ConnectAsync(CancellationToken cancellationToken)
    {
        HostReceiveEndpointHandle handle;
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (endpoint is { } connected)
            {
                // Connected by an earlier follower, maybe not bound yet: this one waits for the same readiness.
                handle = connected;
            }
            else
            {
                handle = connector.ConnectReceiveEndpoint(new TemporaryEndpointDefinition("live"), KebabCaseEndpointNameFormatter.Instance, (context, configurator) =>
                {
                    configurator.ConfigureConsumer<ExecutionChangedConsumer>(context);
                    configurator.ConfigureConsumer<LogsWrittenConsumer>(context);
                });
                Volatile.Write(ref endpoint, handle);
                logger.LogInformation("Live updates: the replica listens to execution changes and log notifications while executions are followed");
            }
        }
        finally
        {
            gate.Release();
        }

        try
        {
            await handle.Ready.WaitAsync(ReadyWait, clock, cancellationToken);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // The broker is away: the follower still sees every change, by reading the row every FollowRecheckSeconds.
            logger.LogWarning("Live updates: the replica's queue was not bound ({Reason}); followers read their executions on a timer until it is", error.Message);
        }
    }

    private void Leave()
    {
        lock (counting)
        {
            if (--followers > 0)
            {
                return;
            }

            idle?.Dispose();
            idle = clock.CreateTimer(_ => _ = StopIfIdleAsync(), null, TimeSpan.FromSeconds(options.Value.LiveIdleSeconds), Timeout.InfiniteTimeSpan);
        }
    }

    private async Task StopIfIdleAsync()
    {
        await gate.WaitAsync();
        try
        {
            lock (counting)
            {
                if (followers > 0)
                {
                    return;
                }
            }

            if (Volatile.Read(ref endpoint) is { } handle)
            {
                Volatile.Write(ref endpoint, null);
                await handle.StopAsync();
                logger.LogInformation("Live updates: nobody followed an execution for {Seconds} s; the replica's queue is stopped", options.Value.LiveIdleSeconds);
            }
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            logger.LogWarning(error, "Live updates: the replica's queue did not stop cleanly; the broker deletes it with the connection");
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose()
    {
        lock (counting)
        {
            idle?.Dispose();
            idle = null;
        }
    }

    private sealed class Lease(LiveListener listener) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                listener.Leave();
            }
        }
    }
}
