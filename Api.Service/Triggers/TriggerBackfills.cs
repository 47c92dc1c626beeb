using Kite.Api.Problems;
using Kite.Data.Triggers;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kite.Api.Triggers;

/// <summary>
/// Backfills through the routes: started by <c>PUT /triggers</c>, then paused, unpaused or deleted by key. The
/// <see cref="BackfillStore"/> edits the row; the scheduler fires the slots. Without a backfill under way the three
/// routes answer 404 (Kestra answers 400 there).
/// </summary>
public static class TriggerBackfills
{
    public static Task<Results<Ok<TriggerBody>, ProblemHttpResult>> Pause(HttpRequest request, BackfillStore backfills, TriggerStore triggers, CancellationToken cancellationToken) =>
        ChangeAsync(request, triggers, key => backfills.PauseAsync(key.Namespace, key.FlowId, key.TriggerId, cancellationToken), cancellationToken);

    public static Task<Results<Ok<TriggerBody>, ProblemHttpResult>> Unpause(HttpRequest request, BackfillStore backfills, TriggerStore triggers, CancellationToken cancellationToken) =>
        ChangeAsync(request, triggers, key => backfills.ResumeAsync(key.Namespace, key.FlowId, key.TriggerId, cancellationToken), cancellationToken);

    /// <summary>No further slot fires; executions already started run to their end.</summary>
    public static Task<Results<Ok<TriggerBody>, ProblemHttpResult>> Delete(HttpRequest request, BackfillStore backfills, TriggerStore triggers, CancellationToken cancellationToken) =>
        ChangeAsync(request, triggers, key => backfills.DeleteAsync(key.Namespace, key.FlowId, key.TriggerId, cancellationToken), cancellationToken);

    /// <summary>Whether a requested backfill is the one under way sent back (same start, and the same end or none).</summary>
    public static bool IsCurrent(BackfillRequest requested, BackfillBody? current) =>
        current is not null && requested.Start == current.Start && (requested.End is null || requested.End == current.End);

    /// <summary>Starts a backfill; null when it started, else the refusal (422 naming the field, 409 when one is under way).</summary>
    public static async Task<ProblemHttpResult?> StartAsync(
        TriggerKey key, TriggerRow row, BackfillRequest requested, BackfillStore backfills, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!row.IsSchedule)
        {
            return Problem.Unprocessable("backfill", $"trigger '{key}' is a {row.Type}; only a Schedule can be backfilled");
        }

        if (requested.Start is not { } start)
        {
            return Problem.Unprocessable("backfill.start", "'backfill.start' is required: the first date to run again");
        }

        var end = requested.End ?? clock.GetUtcNow();
        if (end < start)
        {
            return Problem.Unprocessable("backfill.end", $"'backfill.end' ({end:O}) is before 'backfill.start' ({start:O})");
        }

        if (row.Context.Backfill is not null)
        {
            return BackfillUnderWay(key);
        }

        var labels = TriggerRequests.Labels(requested.Labels);
        return await backfills.CreateAsync(key.Namespace, key.FlowId, key.TriggerId, start.ToUniversalTime(), end.ToUniversalTime(), requested.Inputs, labels, cancellationToken) switch
        {
            BackfillChange.Done => null,
            BackfillChange.Conflict => BackfillUnderWay(key),
            BackfillChange.Invalid => Problem.Unprocessable("backfill.end", "'backfill.end' is before 'backfill.start'"),
            _ => TriggersApi.NotFound(key),
        };
    }

    private static ProblemHttpResult BackfillUnderWay(TriggerKey key) =>
        Problem.Conflict($"trigger '{key}' already has a backfill under way; delete it before starting another");

    private static async Task<Results<Ok<TriggerBody>, ProblemHttpResult>> ChangeAsync(
        HttpRequest request, TriggerStore triggers, Func<TriggerKey, Task<BackfillChange>> change, CancellationToken cancellationToken)
    {
        var key = TriggerRequests.KeyOf(await TriggerRequests.ReadAsync<TriggerKeyBody>(request, cancellationToken));
        var changed = await change(key) == BackfillChange.Done;
        return await triggers.GetAsync(key, cancellationToken) switch
        {
            null => TriggersApi.NotFound(key),
            not null when !changed => Problem.NotFound($"trigger '{key}' has no backfill under way"),
            { } row => TypedResults.Ok(row.Context),
        };
    }
}
