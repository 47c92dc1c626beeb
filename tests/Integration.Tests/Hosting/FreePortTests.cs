using System.Net;
using System.Net.Sockets;
using Kite.Hosting.Processes;

namespace Kite.Integration.Tests.Hosting;

public sealed class FreePortTests
{
    [Fact]
    public void A_port_is_never_handed_out_twice_in_a_process_and_is_free_when_handed_out()
    {
        var ports = Enumerable.Range(0, 3000).Select(_ => FreePort.Next()).ToList();

        Assert.Equal(ports.Count, ports.Distinct().Count());
        using var listener = new TcpListener(IPAddress.Loopback, ports[^1]);
        listener.Start();
    }
}
