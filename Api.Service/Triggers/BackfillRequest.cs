using System.Text.Json;

namespace Kite.Api.Triggers;

/// <summary>
/// A backfill asked for in <c>PUT /triggers</c>: <see cref="Start"/> is required, <see cref="End"/> defaults to now.
/// <see cref="Labels"/> are Kestra's list of <c>{key, value}</c> (a plain object of strings is taken too).
/// </summary>
public sealed record BackfillRequest(DateTimeOffset? Start, DateTimeOffset? End, Dictionary<string, JsonElement>? Inputs, JsonElement? Labels);
