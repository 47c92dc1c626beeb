using Kite.Data.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Microsoft.Extensions.Hosting;

public static class StorageExtensions
{
    public const string Section = "Kite:Storage";

    /// <summary>
    /// Internal storage for task files as <see cref="IInternalStorage"/>: a local folder by default, or the database
    /// (<c>Kite:Storage:Type=postgres</c>) when services run on several machines and must read each other's files.
    /// </summary>
    public static TBuilder AddKiteStorage<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        var options = builder.Configuration.GetSection(Section).Get<StorageOptions>() ?? new StorageOptions();
        Func<IServiceProvider, IInternalStorage> create = options.Type.ToLowerInvariant() switch
        {
            StorageOptions.Local => _ => new LocalFolderStorage(options.ResolveRoot()),
            StorageOptions.Postgres => services => new PostgresStorage(services.GetRequiredService<NpgsqlDataSource>()),
            var other => throw new InvalidOperationException(
                $"{Section}:Type is '{other}'; use '{StorageOptions.Local}' (a folder) or '{StorageOptions.Postgres}' (the database, shared by every node)"),
        };
        builder.Services.AddSingleton(create);
        return builder;
    }
}
