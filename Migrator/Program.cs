using Kite.Migrator;

if (args is ["add", var migrationName])
{
    MigrationScaffolder.Add(migrationName, MigrationScaffolder.FindDataProjectDirectory());
    return 0;
}

var builder = Host.CreateApplicationBuilder(args);
builder.AddDatabaseMigration();
using var host = builder.Build();
return await host.Services.GetRequiredService<DatabaseMigration>().RunAsync(CancellationToken.None);
