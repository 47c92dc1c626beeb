namespace Kite.Api.Flows;

/// <summary>How many items a bulk request changed.</summary>
public sealed record BulkResponse(int Count);
