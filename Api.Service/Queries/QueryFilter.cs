namespace Kite.Api.Queries;

/// <summary>
/// One filter of a list request, from the legacy form (<c>namespace=x</c>) or the new one (<c>filters[namespace][EQUALS]=x</c>).
/// <see cref="Parameter"/> is the query parameter it came from, so a refusal names it.
/// </summary>
public sealed record QueryFilter(string Field, FilterOperation Operation, IReadOnlyList<string> Values, string? Key, string Parameter)
{
    public string Value => Values[0];
}
