using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Kite.Hosting.Processes;

public static class FreePort
{
    // The OS may hand out a port again as soon as its probe listener closes, before the process it was chosen for
    // binds it (PostgreSQL and an Api replica once got the same port this way). Ports handed out by this process are
    // never handed out again by it.
    private static readonly ConcurrentDictionary<int, bool> HandedOut = new();

    /// <summary>A loopback TCP port nobody listens on right now (the OS picks it), never one this process handed out before.</summary>
    public static int Next()
    {
        while (true)
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            if (HandedOut.TryAdd(port, true))
            {
                return port;
            }
        }
    }
}
