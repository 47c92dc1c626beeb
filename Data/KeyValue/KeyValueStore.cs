using Npgsql;
using NpgsqlTypes;

namespace Kite.Data.KeyValue;

/// <summary>
/// The <c>kv</c> table, shared by the Api's KV routes and the kv.* tasks. A key whose expiration date has passed
/// reads as absent everywhere, and may be overwritten even when its writer asks not to overwrite.
/// </summary>
public sealed class KeyValueStore(NpgsqlDataSource dataSource)
{
    private const string Columns = "namespace, key, type, value::text, description, expiration_date, created_at, updated_at";
    private const string Live = "(expiration_date IS NULL OR expiration_date > now())";

    public async Task<KeyValueEntry?> GetAsync(string @namespace, string key, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT {Columns} FROM kv WHERE namespace = @ns AND key = @key AND {Live}");
        command.Parameters.AddWithValue("ns", @namespace);
        command.Parameters.AddWithValue("key", key);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    /// <summary>The live keys of a namespace, by key.</summary>
    public async Task<IReadOnlyList<KeyValueEntry>> ListAsync(string @namespace, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT {Columns} FROM kv WHERE namespace = @ns AND {Live} ORDER BY key");
        command.Parameters.AddWithValue("ns", @namespace);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<KeyValueEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(Read(reader));
        }

        return entries;
    }

    /// <summary>
    /// Writes a key (<paramref name="value"/> is JSON text, <paramref name="type"/> one of <see cref="KeyValueTypes"/>).
    /// False when <paramref name="overwrite"/> is false and a live key already exists; the key is then unchanged.
    /// </summary>
    public async Task<bool> SetAsync(
        string @namespace,
        string key,
        string value,
        string type,
        DateTimeOffset? expirationDate,
        string? description,
        bool overwrite,
        CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "INSERT INTO kv (namespace, key, value, type, description, expiration_date, created_at, updated_at) " +
            "VALUES (@ns, @key, @value::jsonb, @type, @description, @expiration, now(), now()) " +
            "ON CONFLICT (namespace, key) DO UPDATE SET value = excluded.value, type = excluded.type, description = excluded.description, " +
            "expiration_date = excluded.expiration_date, updated_at = now(), " +
            "created_at = CASE WHEN kv.expiration_date IS NOT NULL AND kv.expiration_date <= now() THEN now() ELSE kv.created_at END " +
            "WHERE @overwrite OR (kv.expiration_date IS NOT NULL AND kv.expiration_date <= now())");
        command.Parameters.AddWithValue("ns", @namespace);
        command.Parameters.AddWithValue("key", key);
        command.Parameters.AddWithValue("value", value);
        command.Parameters.AddWithValue("type", type);
        command.Parameters.Add(new NpgsqlParameter("description", NpgsqlDbType.Text) { Value = (object?)description ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("expiration", NpgsqlDbType.TimestampTz) { Value = (object?)expirationDate ?? DBNull.Value });
        command.Parameters.AddWithValue("overwrite", overwrite);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>False when there was no live key to delete.</summary>
    public async Task<bool> DeleteAsync(string @namespace, string key, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"DELETE FROM kv WHERE namespace = @ns AND key = @key RETURNING {Live}");
        command.Parameters.AddWithValue("ns", @namespace);
        command.Parameters.AddWithValue("key", key);
        return await command.ExecuteScalarAsync(cancellationToken) is true;
    }

    /// <summary>Deletes keys whose expiration date has passed, at most <paramref name="limit"/> of them; returns how many.</summary>
    public async Task<int> DeleteExpiredAsync(int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "DELETE FROM kv WHERE (namespace, key) IN (SELECT namespace, key FROM kv WHERE expiration_date <= now() ORDER BY expiration_date LIMIT @limit)");
        command.Parameters.AddWithValue("limit", limit);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static KeyValueEntry Read(NpgsqlDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetString(2),
        reader.GetString(3),
        reader.IsDBNull(4) ? null : reader.GetString(4),
        reader.IsDBNull(5) ? null : reader.GetFieldValue<DateTimeOffset>(5),
        reader.GetFieldValue<DateTimeOffset>(6),
        reader.GetFieldValue<DateTimeOffset>(7));
}
