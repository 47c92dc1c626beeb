using System.Text.Json;
using System.Text.Json.Serialization;
using Kite.Core.Executions;

namespace Kite.Data.Executions;

/// <summary>State histories and attempts as Kestra's API shows them: <c>[{"state": "RUNNING", "date": "..."}]</c>.</summary>
public static class StateJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public static string WriteHistory(StateHistory history) =>
        JsonSerializer.Serialize(history.Changes.Select(c => new HistoryEntry(c.State.ToKestraName(), c.Date)), Options);

    public static StateHistory ReadHistory(string? json, State fallback, DateTimeOffset fallbackDate) =>
        json is null
            ? new StateHistory(fallback, fallbackDate)
            : new StateHistory(JsonSerializer.Deserialize<List<HistoryEntry>>(json, Options)!.Select(e => new StateChange(StateExtensions.ParseKestraName(e.State), e.Date)));

    public static string WriteAttempts(IEnumerable<TaskRunAttempt> attempts) =>
        JsonSerializer.Serialize(attempts.Select(a => new AttemptEntry(a.State.ToKestraName(), a.StartDate, a.EndDate)), Options);

    public static List<TaskRunAttempt> ReadAttempts(string? json) =>
        json is null
            ? []
            : [.. JsonSerializer.Deserialize<List<AttemptEntry>>(json, Options)!.Select(a => new TaskRunAttempt { State = StateExtensions.ParseKestraName(a.State), StartDate = a.StartDate, EndDate = a.EndDate })];

    private sealed record HistoryEntry(string State, DateTimeOffset Date);

    private sealed record AttemptEntry(string State, DateTimeOffset StartDate, DateTimeOffset? EndDate);
}
