using System.Net.Sockets;

namespace Kite.Hosting.RabbitMq;

/// <summary>
/// Asks a broker for the start of an AMQP 0-9-1 handshake: it answers with a Connection.Start method frame
/// only once it is fully booted, which an open TCP port alone does not prove.
/// </summary>
public static class AmqpProbe
{
    private static readonly byte[] ProtocolHeader = "AMQP"u8.ToArray().Concat(new byte[] { 0, 0, 9, 1 }).ToArray();
    private const byte MethodFrame = 1;

    public static async Task<bool> AnswersAsync(string host, int port, CancellationToken cancellationToken)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(3));
            using var client = new TcpClient();
            await client.ConnectAsync(host, port, timeout.Token);
            var stream = client.GetStream();
            await stream.WriteAsync(ProtocolHeader, timeout.Token);
            var first = new byte[1];
            var read = await stream.ReadAsync(first, timeout.Token);
            return read == 1 && first[0] == MethodFrame;
        }
        catch (Exception ex) when (ex is SocketException or IOException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
