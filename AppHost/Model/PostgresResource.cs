namespace Kite.AppHost.Model;

public sealed class PostgresResource(string name, string database, string? externalConnectionString)
    : ConnectionResource(name, externalConnectionString)
{
    public string Database { get; } = database;
    public override string Kind => "postgres";
}
