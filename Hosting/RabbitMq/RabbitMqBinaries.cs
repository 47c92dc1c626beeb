using Kite.Hosting.Processes;

namespace Kite.Hosting.RabbitMq;

/// <summary>
/// The broker's own start script (not Debian's /usr/sbin wrapper, which switches to the rabbitmq account)
/// and Erlang's port mapper, which we run ourselves so it stops with us.
/// </summary>
public sealed record RabbitMqBinaries(string Server, string Epmd)
{
    public static RabbitMqBinaries Locate()
    {
        var server = Executables.Find("/usr/lib/rabbitmq/bin/rabbitmq-server") ?? Executables.Find("rabbitmq-server");
        var epmd = Executables.Find("epmd", Directory.Exists("/usr/lib/erlang")
            ? Directory.GetDirectories("/usr/lib/erlang", "erts-*").Select(d => Path.Combine(d, "bin")).ToArray()
            : []);
        if (server is null || epmd is null)
        {
            throw new MissingPrerequisiteException(
                "RabbitMQ not found (rabbitmq-server, epmd): install it with `apt-get install -y rabbitmq-server`, " +
                "or point Kite at a running broker with ConnectionStrings__rabbitmq.");
        }

        return new RabbitMqBinaries(server, epmd);
    }
}
