namespace Kite.Api.Bench;

/// <summary>One search as a client sends it: the query string of <c>GET /api/v1/executions/search</c>, and what it stands for.</summary>
public sealed record SearchScenario(string Name, string Query)
{
    public static readonly IReadOnlyList<SearchScenario> All =
    [
        new("namespace", "namespace=ns7&page=1&size=25"),
        new("namespace, with deleted", "namespace=ns7&includeDeleted=true&page=1&size=25"),
        new("namespace + state", "namespace=ns7&state=FAILED&page=1&size=25"),
        new("namespace + label", "namespace=ns7&labels=team:team3&page=1&size=25"),
        new("namespace + q text", "namespace=ns7&q=report&page=1&size=25"),
        new("namespace, page 400", "namespace=ns7&page=400&size=25"),
        new("no filter (all namespaces)", "page=1&size=25"),
    ];
}
