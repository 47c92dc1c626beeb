using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kite.Data.Triggers;

/// <summary>
/// A backfill of a Schedule trigger, kept as jsonb in <c>triggers.backfill</c>: every slot from <see cref="Start"/>
/// to <see cref="End"/> gets one execution, oldest first, <see cref="CurrentDate"/> being the next slot to fire.
/// The scheduler keeps at most a bounded number of them running (<see cref="InFlight"/>); the row is cleared when
/// the last one has ended.
/// </summary>
public sealed record Backfill
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public required DateTimeOffset Start { get; init; }
    public required DateTimeOffset End { get; init; }
    public required DateTimeOffset CurrentDate { get; init; }
    public bool Paused { get; init; }
    public Dictionary<string, JsonElement>? Inputs { get; init; }
    public Dictionary<string, string>? Labels { get; init; }
    public List<string> InFlight { get; init; } = [];

    /// <summary>Executions started so far.</summary>
    public int Fired { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static Backfill? FromJson(string? json) => json is null ? null : JsonSerializer.Deserialize<Backfill>(json, Json);
}
