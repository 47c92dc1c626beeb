namespace Kite.AppHost.Model;

/// <summary>
/// A server the services reach through <c>ConnectionStrings__{Name}</c>: provisioned by the AppHost from the
/// installed binaries, or an external one when that connection string is already in the AppHost's configuration.
/// </summary>
public abstract class ConnectionResource(string name, string? externalConnectionString) : Resource(name)
{
    public string? ExternalConnectionString { get; } = externalConnectionString;
    public bool IsExternal => ExternalConnectionString is not null;

    /// <summary>The port a provisioned server listens on, chosen once so restarts never change connection strings.</summary>
    public int Port { get; } = Hosting.Processes.FreePort.Next();

    /// <summary>Set once the server is known: at start for a provisioned one, at once for an external one.</summary>
    public string? ConnectionString { get; set; }
}
