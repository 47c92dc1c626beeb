using System.Text;
using Npgsql;
using NpgsqlTypes;

namespace Kite.Data.Purges;

/// <summary>
/// The namespace conditions both purges share: a namespace alone is a prefix ("company" matches "company" and
/// "company.team", not "companyx"); with a flow id it is exact. Excluded namespaces (retention's per-namespace
/// overrides) are prefixes too.
/// </summary>
internal static class NamespaceFilter
{
    public static void Append(StringBuilder where, NpgsqlCommand command, string? ns, string? flowId, IReadOnlyList<string>? except)
    {
        if (ns is not null)
        {
            where.Append(flowId is null ? " AND (namespace = @ns OR starts_with(namespace, @ns || '.'))" : " AND namespace = @ns");
            command.Parameters.AddWithValue("ns", ns);
        }

        if (flowId is not null)
        {
            where.Append(" AND flow_id = @flow");
            command.Parameters.AddWithValue("flow", flowId);
        }

        if (except is { Count: > 0 })
        {
            where.Append(" AND NOT (namespace = ANY(@except) OR EXISTS (SELECT 1 FROM unnest(@exceptPrefixes) AS e(prefix) WHERE starts_with(namespace, e.prefix)))");
            command.Parameters.Add(new NpgsqlParameter("except", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = except.ToArray() });
            command.Parameters.Add(new NpgsqlParameter("exceptPrefixes", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = except.Select(e => e + ".").ToArray() });
        }
    }
}
