using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Kite.Data;

/// <summary>The one place that says how a <see cref="KiteDbContext"/> talks to PostgreSQL, for services, the migrator and tests.</summary>
public static class KiteDbContextOptions
{
    public static void UseKitePostgres(this DbContextOptionsBuilder options, NpgsqlDataSource dataSource) =>
        options.UseNpgsql(dataSource, npgsql => npgsql.MigrationsHistoryTable("__migrations"))
            .UseSnakeCaseNamingConvention();

    public static KiteDbContext Create(NpgsqlDataSource dataSource)
    {
        var options = new DbContextOptionsBuilder<KiteDbContext>();
        options.UseKitePostgres(dataSource);
        return new KiteDbContext(options.Options);
    }
}
