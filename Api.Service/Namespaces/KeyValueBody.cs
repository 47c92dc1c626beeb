using System.Text.Json.Nodes;

namespace Kite.Api.Namespaces;

/// <summary>A KV value as Kestra answers it: <c>{type, value}</c>.</summary>
public sealed record KeyValueBody(string Type, JsonNode? Value);
