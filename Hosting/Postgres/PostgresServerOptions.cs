namespace Kite.Hosting.Postgres;

public sealed record PostgresServerOptions
{
    /// <summary>The folder this server owns: <c>data/</c>, <c>socket/</c> and the generated password live here.</summary>
    public required string RootDirectory { get; init; }

    /// <summary>The database created for Kite once the server answers.</summary>
    public string Database { get; init; } = "kite";

    /// <summary>0 picks a free port at each start.</summary>
    public int Port { get; init; }

    /// <summary>
    /// Throwaway servers (tests) trade durability for speed: no fsync at initdb or at commit.
    /// Never for data a user keeps.
    /// </summary>
    public bool Ephemeral { get; init; }

    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(90);

    public int MaxConnections { get; init; } = 300;
}
