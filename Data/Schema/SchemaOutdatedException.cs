namespace Kite.Data.Schema;

public sealed class SchemaOutdatedException(IReadOnlyList<string> pending) : Exception(
    $"The database schema is older than this service expects: {pending.Count} migration(s) not applied " +
    $"({string.Join(", ", pending)}). Run the migration step first: `dotnet run --project Migrator` " +
    "(the AppHost and the Kubernetes migration Job do this before any service starts).")
{
    public IReadOnlyList<string> Pending { get; } = pending;
}
