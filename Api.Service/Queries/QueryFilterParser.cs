using System.Text.RegularExpressions;
using Kite.Api.Problems;

namespace Kite.Api.Queries;

/// <summary>Reads both filter forms of Kestra's list endpoints into <see cref="QueryFilter"/>s.</summary>
public static partial class QueryFilterParser
{
    /// <summary>Legacy parameters and what they mean in the new form (<c>labels=k:v</c> is handled apart).</summary>
    public static readonly IReadOnlyDictionary<string, (string Field, FilterOperation Operation)> Legacy =
        new Dictionary<string, (string, FilterOperation)>
        {
            ["q"] = ("q", FilterOperation.Contains),
            ["namespace"] = ("namespace", FilterOperation.Prefix),
            ["flowId"] = ("flowId", FilterOperation.Equals),
            ["state"] = ("state", FilterOperation.In),
            ["startDate"] = ("startDate", FilterOperation.GreaterThanOrEqualTo),
            ["endDate"] = ("endDate", FilterOperation.LessThanOrEqualTo),
            ["timeRange"] = ("timeRange", FilterOperation.Equals),
        };

    public static List<QueryFilter> Parse(IQueryCollection query, IReadOnlySet<string> fields)
    {
        var filters = new List<QueryFilter>();
        foreach (var (name, values) in query)
        {
            var given = values.Where(v => !string.IsNullOrEmpty(v)).Select(v => v!).ToList();
            if (given.Count == 0)
            {
                continue;
            }

            if (name == "labels")
            {
                filters.AddRange(given.Select(label => Label(label, name)));
            }
            else if (Legacy.TryGetValue(name, out var legacy) && fields.Contains(legacy.Field))
            {
                filters.Add(new QueryFilter(legacy.Field, legacy.Operation, Split(legacy.Operation, given), null, name));
            }
            else if (FilterKey().Match(name) is { Success: true } match)
            {
                filters.Add(New(match, name, given, fields));
            }
            else if (name.StartsWith("filters", StringComparison.Ordinal))
            {
                throw ApiProblemException.BadRequest(name, $"'{name}' is not a filter; write filters[field][OPERATION]=value");
            }
        }

        return filters;
    }

    private static QueryFilter New(Match match, string name, List<string> given, IReadOnlySet<string> fields)
    {
        var field = match.Groups[1].Value;
        if (!fields.Contains(field))
        {
            throw ApiProblemException.BadRequest(name, $"cannot filter on '{field}'; filterable fields are {string.Join(", ", fields)}");
        }

        var operationName = match.Groups[2].Value;
        if (!Enum.TryParse<FilterOperation>(operationName.Replace("_", "", StringComparison.Ordinal), ignoreCase: true, out var operation)
            || !operationName.All(c => char.IsAsciiLetterUpper(c) || c == '_'))
        {
            throw ApiProblemException.BadRequest(name, $"'{operationName}' is not a filter operation; use one of {string.Join(", ", Enum.GetNames<FilterOperation>().Select(KestraName))}");
        }

        var key = match.Groups[3].Success ? match.Groups[3].Value : null;
        if (field == "labels" && key is null)
        {
            return Label(given[0], name) with { Operation = operation };
        }

        return new QueryFilter(field, operation, Split(operation, given), key, name);
    }

    private static QueryFilter Label(string label, string parameter)
    {
        var colon = label.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            throw ApiProblemException.BadRequest(parameter, $"a label filter is written key:value, not '{label}'");
        }

        return new QueryFilter("labels", FilterOperation.Equals, [label[(colon + 1)..]], label[..colon], parameter);
    }

    private static List<string> Split(FilterOperation operation, List<string> given) =>
        operation is FilterOperation.In or FilterOperation.NotIn
            ? given.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList()
            : given;

    private static string KestraName(string name) => SnakeCase().Replace(name, "$1_$2").ToUpperInvariant();

    [GeneratedRegex(@"^filters\[(\w+)\]\[(\w+)\](?:\[([^\]]*)\])?$")]
    private static partial Regex FilterKey();

    [GeneratedRegex("([a-z])([A-Z])")]
    private static partial Regex SnakeCase();
}
