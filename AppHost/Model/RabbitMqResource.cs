namespace Kite.AppHost.Model;

public sealed class RabbitMqResource(string name, string? externalConnectionString)
    : ConnectionResource(name, externalConnectionString)
{
    public override string Kind => "rabbitmq";
}
