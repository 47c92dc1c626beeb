using Kite.Data.Logs;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.Hosting;

public static class BusExtensions
{
    public const string ConnectionName = "rabbitmq";

    /// <summary>
    /// The bus registration: MassTransit over RabbitMQ from <c>ConnectionStrings:rabbitmq</c> (an <c>amqp://</c> URI),
    /// kebab-case endpoint names, the role's consumers from <paramref name="configure"/>, and MassTransit's own
    /// health check (tagged <c>ready</c>, so it shows on <c>/health</c> and not on <c>/alive</c>).
    /// </summary>
    public static TBuilder AddKiteBus<TBuilder>(this TBuilder builder, Action<IBusRegistrationConfigurator>? configure = null)
        where TBuilder : IHostApplicationBuilder
    {
        var connectionString = builder.Configuration.GetConnectionString(ConnectionName)
            ?? throw new InvalidOperationException(
                $"ConnectionStrings:{ConnectionName} is not set. Start Kite with `dotnet run --project AppHost`, " +
                $"or set ConnectionStrings__{ConnectionName} to an amqp:// URI.");
        if (!Uri.TryCreate(connectionString, UriKind.Absolute, out var host) || host.Scheme is not ("amqp" or "amqps"))
        {
            throw new InvalidOperationException($"ConnectionStrings:{ConnectionName} must be an amqp:// or amqps:// URI, not '{Redact(connectionString)}'.");
        }

        builder.Services.AddMassTransit(bus =>
        {
            bus.SetKebabCaseEndpointNameFormatter();
            configure?.Invoke(bus);
            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(host);
                rabbit.ConfigureEndpoints(context);
            });
        });
        builder.Services.Configure<MassTransitHostOptions>(options =>
        {
            // Start without waiting for the broker: /health reports it, and MassTransit reconnects on its own.
            options.WaitUntilStarted = false;
            options.StopTimeout = TimeSpan.FromSeconds(30);
        });
        return builder;
    }

    /// <summary>Reports the depth of <paramref name="queues"/>, the queues this service consumes (see <see cref="QueueDepths"/>).</summary>
    public static TBuilder AddQueueDepths<TBuilder>(this TBuilder builder, params string[] queues)
        where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddMetrics();
        builder.Services.AddSingleton(sp => ActivatorUtilities.CreateInstance<QueueDepths>(sp, (IReadOnlyList<string>)queues));
        builder.Services.AddHostedService(sp => sp.GetRequiredService<QueueDepths>());
        return builder;
    }

    /// <summary>
    /// Announces committed log lines (LogsWritten), gathered per <c>Kite:Bus:LogsWritten:Interval</c> (see
    /// <see cref="LogsWrittenPublisher"/>). Call it before the log writer's hosted service is added: hosted services stop
    /// in reverse order, so the writer's last batch is still announced, and the bus (added before) still runs for it.
    /// </summary>
    public static TBuilder AddLogsWrittenAnnouncements<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        builder.Services.Configure<LogsWrittenOptions>(builder.Configuration.GetSection("Kite:Bus:LogsWritten"));
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<LogsWrittenPublisher>();
        builder.Services.AddSingleton<ILogsWrittenListener>(sp => sp.GetRequiredService<LogsWrittenPublisher>());
        builder.Services.AddHostedService(sp => sp.GetRequiredService<LogsWrittenPublisher>());
        return builder;
    }

    private static string Redact(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.UserInfo.Length > 0
            ? value.Replace(uri.UserInfo, "***", StringComparison.Ordinal)
            : value;
}
