using System.Text.Json;
using Kite.Data.Records;

namespace Kite.Api.Purges;

/// <summary>A purge as the Api shows it: its request, state and counts so far (updated after every batch).</summary>
public sealed record PurgeResponse(
    string Id,
    string Kind,
    string State,
    long ExecutionsCount,
    long LogsCount,
    long MetricsCount,
    long StoragesCount,
    int Batches,
    string? Error,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? EndedAt,
    JsonElement Request)
{
    public static PurgeResponse Of(PurgeRecord purge) => new(
        purge.Id, purge.Kind, purge.State, purge.ExecutionsCount, purge.LogsCount, purge.MetricsCount, purge.StoragesCount,
        purge.Batches, purge.Error, purge.CreatedAt, purge.UpdatedAt, purge.EndedAt, JsonDocument.Parse(purge.Request).RootElement.Clone());
}
