using Npgsql;

namespace Kite.Api.Flows;

/// <summary>Reads and appends flow revisions. A revision is never changed: saving or deleting appends the next one.</summary>
public sealed class FlowStore(NpgsqlDataSource database)
{
    private const string Columns = "namespace, id, revision, source, model::text, deleted, updated_at";

    /// <summary>The latest revision, deleted or not.</summary>
    public Task<StoredFlow?> LatestAsync(string ns, string id, CancellationToken cancellationToken) =>
        OneAsync($"SELECT {Columns} FROM flows WHERE namespace = @ns AND id = @id AND deleted IN (true, false) ORDER BY revision DESC LIMIT 1", ns, id, null, cancellationToken);

    public Task<StoredFlow?> RevisionAsync(string ns, string id, int revision, CancellationToken cancellationToken) =>
        OneAsync($"SELECT {Columns} FROM flows WHERE namespace = @ns AND id = @id AND revision = @revision AND deleted IN (true, false)", ns, id, revision, cancellationToken);

    public async Task<IReadOnlyList<StoredFlow>> RevisionsAsync(string ns, string id, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand($"SELECT {Columns} FROM flows WHERE namespace = @ns AND id = @id AND deleted IN (true, false) ORDER BY revision");
        command.Parameters.AddWithValue("ns", ns);
        command.Parameters.AddWithValue("id", id);
        return await ReadAsync(command, cancellationToken);
    }

    /// <summary>The latest live revision of every flow of a namespace.</summary>
    public async Task<IReadOnlyList<StoredFlow>> InNamespaceAsync(string ns, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(
            $"SELECT {Columns} FROM flows f WHERE f.deleted = false AND f.namespace = @ns " +
            "AND NOT EXISTS (SELECT 1 FROM flows n WHERE n.namespace = f.namespace AND n.id = f.id AND n.revision > f.revision) ORDER BY f.id");
        command.Parameters.AddWithValue("ns", ns);
        return await ReadAsync(command, cancellationToken);
    }

    public async Task<(IReadOnlyList<StoredFlow> Page, long Total)> SearchAsync(FlowSearchQuery query, CancellationToken cancellationToken)
    {
        await using var page = database.CreateCommand(query.PageSql);
        query.Conditions.AddTo(page);
        var results = await ReadAsync(page, cancellationToken);

        await using var count = database.CreateCommand(query.CountSql);
        query.Conditions.AddTo(count);
        var total = (long)(await count.ExecuteScalarAsync(cancellationToken))!;
        return (results, total);
    }

    /// <summary>Appends a revision; false when that revision number was taken meanwhile (a concurrent save).</summary>
    public async Task<bool> AppendAsync(StoredFlow flow, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(
            "INSERT INTO flows (namespace, id, revision, source, model, deleted, updated_at) " +
            "VALUES (@ns, @id, @revision, @source, @model::jsonb, @deleted, @updated)");
        command.Parameters.AddWithValue("ns", flow.Namespace);
        command.Parameters.AddWithValue("id", flow.Id);
        command.Parameters.AddWithValue("revision", flow.Revision);
        command.Parameters.AddWithValue("source", flow.Source);
        command.Parameters.AddWithValue("model", flow.Model);
        command.Parameters.AddWithValue("deleted", flow.Deleted);
        command.Parameters.AddWithValue("updated", flow.UpdatedAt);
        try
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
            return true;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            return false;
        }
    }

    private async Task<StoredFlow?> OneAsync(string sql, string ns, string id, int? revision, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(sql);
        command.Parameters.AddWithValue("ns", ns);
        command.Parameters.AddWithValue("id", id);
        if (revision is { } r)
        {
            command.Parameters.AddWithValue("revision", r);
        }

        var flows = await ReadAsync(command, cancellationToken);
        return flows.Count == 0 ? null : flows[0];
    }

    private static async Task<IReadOnlyList<StoredFlow>> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var flows = new List<StoredFlow>();
        while (await reader.ReadAsync(cancellationToken))
        {
            flows.Add(new StoredFlow(
                reader.GetString(0), reader.GetString(1), reader.GetInt32(2), reader.GetString(3),
                reader.IsDBNull(4) ? "{}" : reader.GetString(4), reader.GetBoolean(5), reader.GetFieldValue<DateTimeOffset>(6)));
        }

        return flows;
    }
}
