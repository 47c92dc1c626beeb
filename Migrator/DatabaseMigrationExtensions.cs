using Kite.Data;
using Npgsql;

namespace Kite.Migrator;

public static class DatabaseMigrationExtensions
{
    public static IHostApplicationBuilder AddDatabaseMigration(this IHostApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString("postgres")
            ?? throw new InvalidOperationException("ConnectionStrings:postgres is not set: the migration step needs the database to migrate.");
        builder.Services.AddNpgsqlDataSource(connectionString);
        builder.Services.AddSingleton(sp => KiteDbContextOptions.Create(sp.GetRequiredService<NpgsqlDataSource>()));
        builder.Services.AddSingleton<DatabaseMigration>();
        return builder;
    }
}
