namespace Kite.Hosting.RabbitMq;

public sealed record RabbitMqServerOptions
{
    /// <summary>The folder this broker owns: its database (mnesia), its Erlang cookie, its config and password.</summary>
    public required string RootDirectory { get; init; }

    /// <summary>The Erlang node name; unique per epmd, and ours is private, so a fixed name is safe.</summary>
    public string NodeName { get; init; } = "kite@localhost";

    /// <summary>The AMQP port; 0 picks a free port at each start.</summary>
    public int Port { get; init; }

    public string User { get; init; } = "kite";

    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(90);
}
