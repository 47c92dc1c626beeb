using System.Globalization;
using Kite.Hosting.Processes;

namespace Kite.Hosting.RabbitMq;

/// <summary>
/// A RabbitMQ broker run as a plain process with its own node name, ports, cookie, config and data folder,
/// next to a private Erlang port mapper (epmd) that we start and stop ourselves, so nothing outlives us.
/// </summary>
public sealed class RabbitMqServer(RabbitMqServerOptions options, Action<LogLine>? output = null) : IAsyncDisposable
{
    private ChildProcess? epmd;
    private ChildProcess? broker;

    public int Port { get; private set; }
    public int EpmdPort { get; private set; }
    public ChildProcess? Process => broker;
    public ChildProcess? PortMapper => epmd;

    public string ConnectionString =>
        $"amqp://{Uri.EscapeDataString(options.User)}:{Uri.EscapeDataString(ReadOrCreatePassword())}@127.0.0.1:{Port}";

    /// <summary>Starts epmd, then the broker, and returns once the broker answers an AMQP handshake.</summary>
    public async Task<ChildProcess> StartAsync(CancellationToken cancellationToken)
    {
        var binaries = RabbitMqBinaries.Locate();
        foreach (var folder in new[] { "mnesia", "log", "home" })
        {
            Directory.CreateDirectory(Path.Combine(options.RootDirectory, folder));
        }

        Port = options.Port != 0 ? options.Port : FreePort.Next();
        EpmdPort = FreePort.Next();
        WriteConfiguration();

        var environment = Environment();
        epmd = ChildProcess.Start(
            new ChildProcessSpec(binaries.Epmd, ["-port", EpmdPort.ToString(CultureInfo.InvariantCulture)]) { Environment = environment },
            output);
        broker = ChildProcess.Start(new ChildProcessSpec(binaries.Server, []) { Environment = environment, WorkingDirectory = options.RootDirectory }, output);
        await WaitUntilReadyAsync(cancellationToken);
        return broker;
    }

    public async Task StopAsync()
    {
        // The start script traps SIGTERM and stops the node cleanly; epmd goes last, once no node needs it.
        if (broker is not null)
        {
            await broker.StopAsync(TimeSpan.FromSeconds(30));
        }

        if (epmd is not null)
        {
            await epmd.StopAsync(TimeSpan.FromSeconds(5));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        if (broker is not null)
        {
            await broker.DisposeAsync();
        }

        if (epmd is not null)
        {
            await epmd.DisposeAsync();
        }
    }

    private Dictionary<string, string?> Environment()
    {
        var root = options.RootDirectory;
        return new Dictionary<string, string?>
        {
            ["HOME"] = Path.Combine(root, "home"),
            ["RABBITMQ_NODENAME"] = options.NodeName,
            ["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1",
            ["RABBITMQ_NODE_PORT"] = Port.ToString(CultureInfo.InvariantCulture),
            ["RABBITMQ_DIST_PORT"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["ERL_EPMD_PORT"] = EpmdPort.ToString(CultureInfo.InvariantCulture),
            ["RABBITMQ_MNESIA_BASE"] = Path.Combine(root, "mnesia"),
            ["RABBITMQ_LOG_BASE"] = Path.Combine(root, "log"),
            ["RABBITMQ_CONFIG_FILE"] = Path.Combine(root, "rabbitmq.conf"),
            ["RABBITMQ_CONF_ENV_FILE"] = Path.Combine(root, "rabbitmq-env.conf"),
            ["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(root, "enabled_plugins"),
            ["RABBITMQ_ADVANCED_CONFIG_FILE"] = Path.Combine(root, "advanced.config"),
            // The broker shares its cores with PostgreSQL and the services: its schedulers sleep when out of work
            // instead of spinning for more (RabbitMQ's advice for shared hosts).
            ["RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS"] = "+sbwt none +sbwtdcpu none +sbwtdio none",
        };
    }

    private void WriteConfiguration()
    {
        var root = options.RootDirectory;
        File.WriteAllText(Path.Combine(root, "rabbitmq.conf"), string.Join('\n',
            $"listeners.tcp.default = 127.0.0.1:{Port}",
            $"default_user = {options.User}",
            $"default_pass = {ReadOrCreatePassword()}",
            "loopback_users = none",
            "log.console = true",
            "log.console.level = info",
            "log.file = false",
            "disk_free_limit.absolute = 50MB",
            // RabbitMQ 4's default, so that every run here meets the limit a current broker sets.
            "max_message_size = 16777216",
            string.Empty));
        File.WriteAllText(Path.Combine(root, "rabbitmq-env.conf"), string.Empty);
        File.WriteAllText(Path.Combine(root, "enabled_plugins"), "[].\n");
    }

    private async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTimeOffset.UtcNow + options.StartTimeout;
        while (DateTimeOffset.UtcNow < deadline)
        {
            if (broker!.HasExited)
            {
                throw new InvalidOperationException($"RabbitMQ exited with code {await broker.Exited} while starting on port {Port}; see its log lines above.");
            }

            if (await AmqpProbe.AnswersAsync("127.0.0.1", Port, cancellationToken))
            {
                return;
            }

            await Task.Delay(200, cancellationToken);
        }

        throw new TimeoutException($"RabbitMQ did not answer on port {Port} within {options.StartTimeout.TotalSeconds} s.");
    }

    private string ReadOrCreatePassword() => GeneratedSecret.ReadOrCreate(Path.Combine(options.RootDirectory, "password"));
}
