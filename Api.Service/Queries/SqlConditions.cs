using System.Globalization;
using Kite.Api.Problems;
using Npgsql;

namespace Kite.Api.Queries;

/// <summary>
/// A WHERE clause built from filters: column names come from code, every value is a parameter, so nothing a
/// client sends is ever concatenated into SQL.
/// </summary>
public sealed class SqlConditions
{
    private readonly List<string> clauses = [];
    private readonly List<string> ranges = [];
    private readonly List<(string Name, object Value)> parameters = [];

    public IReadOnlyList<(string Name, object Value)> Parameters => parameters;

    public string Where => clauses.Count == 0 ? "true" : string.Join(" AND ", clauses);

    /// <summary>
    /// <see cref="Where"/> and the index ranges that narrow it without changing its rows. A count wants them: it
    /// reads one slice of an index instead of visiting each matching row. A page does not: PostgreSQL multiplies the
    /// range's selectivity by the exact test's, underestimates the rows a hundredfold and sorts every match instead
    /// of walking the start-date index.
    /// </summary>
    public string CountWhere => ranges.Count == 0 ? Where : $"{string.Join(" AND ", ranges)} AND {Where}";

    public void Add(string clause) => clauses.Add(clause);

    /// <summary>A parameter for <paramref name="value"/>; returns its placeholder.</summary>
    public string Parameter(object value)
    {
        var name = "p" + parameters.Count.ToString(CultureInfo.InvariantCulture);
        parameters.Add((name, value));
        return "@" + name;
    }

    /// <param name="byteOrdered">
    /// The column sorts bytewise (collation "C"): a namespace prefix is then also a range of the index, which
    /// <see cref="CountWhere"/> adds.
    /// </param>
    public void Text(string column, QueryFilter filter, bool byteOrdered = false)
    {
        if (filter.Operation == FilterOperation.Prefix)
        {
            var value = Parameter(filter.Value);
            clauses.Add($"({column} = {value} OR {column} LIKE {Parameter(Like(filter.Value) + ".%")})");
            if (byteOrdered)
            {
                // '/' follows '.' in byte order, so [value, value + "/") holds the value and every "value.child"; the
                // exact test above drops the rare neighbours the range also holds ("value-x"). The range reuses the
                // value's parameter so that the page and the count send the same parameters.
                ranges.Add($"{column} >= {value} AND {column} < ({value} || '/')");
            }

            return;
        }

        var clause = filter.Operation switch
        {
            FilterOperation.Equals => $"{column} = {Parameter(filter.Value)}",
            FilterOperation.NotEquals => $"{column} <> {Parameter(filter.Value)}",
            FilterOperation.In => $"{column} = ANY({Parameter(filter.Values.ToArray())})",
            FilterOperation.NotIn => $"{column} <> ALL({Parameter(filter.Values.ToArray())})",
            FilterOperation.StartsWith => $"{column} LIKE {Parameter(Like(filter.Value) + "%")}",
            FilterOperation.EndsWith => $"{column} LIKE {Parameter("%" + Like(filter.Value))}",
            FilterOperation.Contains => $"{column} LIKE {Parameter("%" + Like(filter.Value) + "%")}",
            FilterOperation.Regex => $"{column} ~ {Parameter(filter.Value)}",
            _ => throw Unsupported(filter),
        };
        clauses.Add(clause);
    }

    public void Date(string column, QueryFilter filter)
    {
        if (!DateTimeOffset.TryParse(filter.Value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
        {
            throw ApiProblemException.BadRequest(filter.Parameter, $"'{filter.Value}' is not an ISO-8601 date-time");
        }

        var op = filter.Operation switch
        {
            FilterOperation.Equals => "=",
            FilterOperation.GreaterThan => ">",
            FilterOperation.LessThan => "<",
            FilterOperation.GreaterThanOrEqualTo => ">=",
            FilterOperation.LessThanOrEqualTo => "<=",
            _ => throw Unsupported(filter),
        };
        clauses.Add($"{column} {op} {Parameter(date.ToUniversalTime())}");
    }

    public static ApiProblemException Unsupported(QueryFilter filter) =>
        ApiProblemException.BadRequest(filter.Parameter, $"the operation {filter.Operation} does not apply to '{filter.Field}'");

    public void AddTo(NpgsqlCommand command)
    {
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
    }

    /// <summary>Escapes LIKE's wildcards so that a value matches only itself.</summary>
    public static string Like(string value) =>
        value.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal);
}
