namespace Kite.Core.Scheduling;

/// <summary>
/// Which named conditions of a Flow trigger's <see cref="PreconditionSet"/>s have been met, and when. Kept between
/// events (the scheduler stores it on the trigger's row, as <c>set/name</c> keys); what was met before the start of a
/// set's current window (<see cref="PreconditionWindow"/>) no longer counts. <see cref="Record"/> says when the
/// trigger fires.
/// </summary>
public sealed class PreconditionProgress
{
    public Dictionary<string, DateTimeOffset> Met { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Records the execution against every set; true when it met one of their conditions and each set now has all
    /// its conditions met within its window. Then the sets that reset on success start over, so the trigger fires again
    /// only once they are met anew; the others fire again on each execution that meets one of their conditions.
    /// </summary>
    public bool Record(IReadOnlyList<PreconditionSet> sets, TriggeringExecution execution, Expressions.RenderContext context, DateTimeOffset now)
    {
        ForgetOthers(sets);
        var results = sets.Select(set => Record(set, execution, context, now)).ToList();
        if (sets.Count == 0 || !results.All(r => r.Complete) || !results.Any(r => r.Touched))
        {
            return false;
        }

        foreach (var set in sets.Where(s => s.ResetOnSuccess))
        {
            Forget(set, _ => true);
        }

        return true;
    }

    private (bool Complete, bool Touched) Record(PreconditionSet set, TriggeringExecution execution, Expressions.RenderContext context, DateTimeOffset now)
    {
        var start = PreconditionWindow.Start(set.Window, now);
        Forget(set, at => start is not { } from || at < from);
        if (start is null)
        {
            return (false, false);
        }

        var touched = false;
        foreach (var condition in set.Conditions.Where(c => c.Holds(execution, context)))
        {
            Met[Key(set, condition)] = now;
            touched = true;
        }

        return (set.Conditions.All(c => Met.ContainsKey(Key(set, c))), touched);
    }

    private static string Key(PreconditionSet set, NamedPrecondition condition) => $"{set.Key}/{condition.Name}";

    private void Forget(PreconditionSet set, Func<DateTimeOffset, bool> when)
    {
        foreach (var key in Met.Where(m => m.Key.StartsWith(set.Key + "/", StringComparison.Ordinal) && when(m.Value)).Select(m => m.Key).ToList())
        {
            Met.Remove(key);
        }
    }

    /// <summary>Drops what no set of the trigger names any more (a condition renamed, or progress kept in an older shape).</summary>
    private void ForgetOthers(IReadOnlyList<PreconditionSet> sets)
    {
        var known = sets.SelectMany(s => s.Conditions.Select(c => Key(s, c))).ToHashSet(StringComparer.Ordinal);
        foreach (var key in Met.Keys.Where(k => !known.Contains(k)).ToList())
        {
            Met.Remove(key);
        }
    }
}
