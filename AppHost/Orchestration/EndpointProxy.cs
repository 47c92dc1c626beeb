using System.Net;
using System.Net.Sockets;
using Kite.AppHost.Model;

namespace Kite.AppHost.Orchestration;

/// <summary>
/// The public port of a project (the Api's 8080), forwarded connection by connection, round-robin, to its
/// running replicas, healthy ones first, as Aspire's per-endpoint proxy does.
/// </summary>
public sealed class EndpointProxy(ProjectResource project, IReadOnlyList<ProjectReplica> replicas, ILogger<EndpointProxy> logger) : BackgroundService
{
    private int next;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var port = project.PublicPort!.Value;
        var listeners = new List<TcpListener> { new(IPAddress.Loopback, port) };
        if (Socket.OSSupportsIPv6)
        {
            listeners.Add(new TcpListener(IPAddress.IPv6Loopback, port));
        }

        foreach (var listener in listeners.ToList())
        {
            try
            {
                listener.Start();
            }
            catch (SocketException ex) when (listener.LocalEndpoint.AddressFamily == AddressFamily.InterNetworkV6)
            {
                logger.LogDebug(ex, "No IPv6 loopback for {Resource}", project.Name);
                listeners.Remove(listener);
            }
            catch (SocketException ex)
            {
                throw new InvalidOperationException($"Port {port} for {project.Name} is in use; choose another with Kite:ApiPort (Kite__ApiPort=...).", ex);
            }
        }

        try
        {
            await Task.WhenAll(listeners.Select(l => AcceptAsync(l, stoppingToken)));
        }
        finally
        {
            listeners.ForEach(l => l.Stop());
        }
    }

    private async Task AcceptAsync(TcpListener listener, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            _ = ForwardAsync(client, stoppingToken);
        }
    }

    private async Task ForwardAsync(TcpClient client, CancellationToken stoppingToken)
    {
        using (client)
        {
            var target = PickReplica();
            if (target is null)
            {
                return;
            }

            try
            {
                using var upstream = new TcpClient();
                await upstream.ConnectAsync(IPAddress.Loopback, target.Port, stoppingToken);
                await Task.WhenAll(
                    PumpAsync(client.GetStream(), upstream.Client, stoppingToken),
                    PumpAsync(upstream.GetStream(), client.Client, stoppingToken));
            }
            catch (Exception ex) when (ex is SocketException or IOException or OperationCanceledException)
            {
                logger.LogDebug(ex, "Connection to {Replica} ended", target.Id);
            }
        }
    }

    /// <summary>Copies one direction, then half-closes the other side so a request sent with a half-close still gets its answer.</summary>
    private static async Task PumpAsync(NetworkStream from, Socket to, CancellationToken stoppingToken)
    {
        try
        {
            await from.CopyToAsync(new NetworkStream(to, ownsSocket: false), stoppingToken);
            to.Shutdown(SocketShutdown.Send);
        }
        catch (Exception ex) when (ex is SocketException or IOException or OperationCanceledException or ObjectDisposedException)
        {
            // The other direction notices and ends too.
        }
    }

    private ProjectReplica? PickReplica()
    {
        var running = replicas.Where(r => r.State == ResourceState.Running).ToList();
        var healthy = running.Where(r => r.Health == HealthStatus.Healthy).ToList();
        var candidates = healthy.Count > 0 ? healthy : running;
        return candidates.Count == 0 ? null : candidates[(int)((uint)Interlocked.Increment(ref next) % candidates.Count)];
    }
}
