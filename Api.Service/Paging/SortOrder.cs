using Kite.Api.Problems;

namespace Kite.Api.Paging;

/// <summary>
/// <c>sort=field:asc|desc</c> (repeated or comma-separated) turned into an ORDER BY over known columns only,
/// so the text of a sort parameter never reaches SQL.
/// </summary>
public static class SortOrder
{
    public static string ToSql(IQueryCollection query, IReadOnlyDictionary<string, string> columns, string fallback)
    {
        var terms = query["sort"].SelectMany(s => (s ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        if (terms.Count == 0)
        {
            return fallback;
        }

        var parts = new List<string>();
        foreach (var term in terms)
        {
            var colon = term.LastIndexOf(':');
            var field = colon < 0 ? term : term[..colon];
            var direction = colon < 0 ? "asc" : term[(colon + 1)..].ToLowerInvariant();
            if (!columns.TryGetValue(field, out var column))
            {
                throw ApiProblemException.BadRequest("sort", $"cannot sort by '{field}'; sortable fields are {string.Join(", ", columns.Keys)}");
            }

            if (direction is not ("asc" or "desc"))
            {
                throw ApiProblemException.BadRequest("sort", $"sort direction must be asc or desc, not '{direction}'");
            }

            parts.Add($"{column} {direction}");
        }

        return string.Join(", ", parts);
    }
}
