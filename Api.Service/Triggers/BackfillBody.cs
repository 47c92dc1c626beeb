using System.Text.Json;
using Kite.Api.Executions;
using Kite.Data.Triggers;

namespace Kite.Api.Triggers;

/// <summary>A backfill under way, as Kestra shows it: the range, the next slot to fire, whether it is paused, and what each execution gets.</summary>
public sealed record BackfillBody(
    DateTimeOffset Start,
    DateTimeOffset End,
    DateTimeOffset CurrentDate,
    bool Paused,
    Dictionary<string, JsonElement>? Inputs,
    List<LabelBody>? Labels)
{
    public static BackfillBody Of(Backfill backfill) => new(
        backfill.Start,
        backfill.End,
        backfill.CurrentDate,
        backfill.Paused,
        backfill.Inputs,
        backfill.Labels?.Select(l => new LabelBody(l.Key, l.Value)).ToList());
}
