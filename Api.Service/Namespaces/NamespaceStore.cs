using Npgsql;

namespace Kite.Api.Namespaces;

/// <summary>
/// Namespaces as Kestra lists them: every namespace that holds a live flow or a KV key, with its parents
/// (<c>company.team</c> brings <c>company</c>), since Kite has no namespace entity of its own.
/// </summary>
public sealed class NamespaceStore(NpgsqlDataSource database)
{
    private const string Existing =
        "SELECT DISTINCT f.namespace FROM flows f WHERE f.deleted = false " +
        "AND NOT EXISTS (SELECT 1 FROM flows n WHERE n.namespace = f.namespace AND n.id = f.id AND n.revision > f.revision) " +
        "UNION SELECT DISTINCT namespace FROM kv";

    /// <summary>All namespaces and their parents, sorted.</summary>
    public async Task<List<string>> AllAsync(CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(Existing);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var names = new SortedSet<string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            var name = reader.GetString(0);
            for (var dot = name.IndexOf('.', StringComparison.Ordinal); dot > 0; dot = name.IndexOf('.', dot + 1))
            {
                names.Add(name[..dot]);
            }

            names.Add(name);
        }

        return [.. names];
    }
}
