using Kite.Data;
using Kite.Data.KeyValue;
using Kite.ServiceDefaults.Database;
using Kite.ServiceDefaults.ServiceInstances;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Microsoft.Extensions.Hosting;

public static class DatabaseExtensions
{
    public const string ConnectionName = "postgres";

    /// <summary>
    /// The database registration: an Npgsql data source and a pooled <see cref="KiteDbContext"/> from
    /// <c>ConnectionStrings:postgres</c>, its health check and tracing, the schema check that stops a service
    /// started against an older schema, this instance's heartbeat row, internal storage for task files and the namespaces' key-value store.
    /// </summary>
    /// <param name="customPlans">Whether prepared statements are planned for each set of parameters (see <see cref="ConnectionTuning"/>).</param>
    public static TBuilder AddKiteDatabase<TBuilder>(this TBuilder builder, bool customPlans = false) where TBuilder : IHostApplicationBuilder
    {
        var configured = builder.Configuration.GetConnectionString(ConnectionName)
            ?? throw new InvalidOperationException(
                $"ConnectionStrings:{ConnectionName} is not set. Start Kite with `dotnet run --project AppHost`, " +
                $"or set ConnectionStrings__{ConnectionName} to an Npgsql connection string.");
        var connectionString = ConnectionTuning.Apply(configured, customPlans);

        builder.Services.AddNpgsqlDataSource(connectionString, dataSource => dataSource.ConfigureTracing(tracing => tracing.EnableFirstResponseEvent(false)));
        builder.Services.AddDbContextPool<KiteDbContext>((services, options) =>
            options.UseKitePostgres(services.GetRequiredService<NpgsqlDataSource>()));
        builder.Services.AddHealthChecks().AddNpgSql(name: ConnectionName, tags: ["ready"]);

        // Registered first so that no other hosted service runs against a schema it does not know.
        builder.Services.AddHostedService<SchemaGuard>();
        builder.Services.AddServiceInstance(builder.Configuration, builder.Environment);
        builder.AddKiteStorage();
        builder.Services.AddSingleton<KeyValueStore>();
        return builder;
    }
}
