using Kite.Data;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Design.Internal;
using Microsoft.EntityFrameworkCore.Migrations.Design;
using Npgsql;

namespace Kite.Migrator;

/// <summary>
/// The developer's `add` verb: scaffolds a migration from the current model into Data/Migrations,
/// as `dotnet ef migrations add` would (the dotnet-ef tool is not on our package feed).
/// </summary>
public static class MigrationScaffolder
{
    public static void Add(string name, string dataProjectDirectory)
    {
        using var dataSource = NpgsqlDataSource.Create("Host=localhost");
        using var db = KiteDbContextOptions.Create(dataSource);
        var reporter = new OperationReporter(handler: null);
        var services = new DesignTimeServicesBuilder(typeof(KiteDbContext).Assembly, typeof(MigrationScaffolder).Assembly, reporter, [])
            .Build(db);
        var scaffolder = services.GetRequiredService<IMigrationsScaffolder>();
        var migration = scaffolder.ScaffoldMigration(name, "Kite.Data", "Migrations", "C#");
        var files = scaffolder.Save(dataProjectDirectory, migration, Path.Combine(dataProjectDirectory, "Migrations"));
        Console.WriteLine($"Wrote {files.MigrationFile}, {files.MetadataFile} and {files.SnapshotFile}");
    }

    public static string FindDataProjectDirectory()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "Data", "Data.csproj");
            if (File.Exists(candidate))
            {
                return Path.GetDirectoryName(candidate)!;
            }
        }

        throw new InvalidOperationException("Run `add` from inside the Kite repository: Data/Data.csproj was not found above the current directory.");
    }
}
