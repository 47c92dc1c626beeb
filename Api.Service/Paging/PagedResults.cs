namespace Kite.Api.Paging;

/// <summary>Kestra's list shape: one page of results and the total across all pages.</summary>
public sealed record PagedResults<T>(IReadOnlyList<T> Results, long Total);
