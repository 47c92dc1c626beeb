using System.Collections;
using Kite.Core.Executions.Resolution;
using Kite.Core.Expressions;
using Kite.Core.Tasks;
using Kite.Core.Tasks.Flowable;
using Kite.Core.Values;

namespace Kite.Core.Executions.Flowables;

/// <summary>
/// Runs the tasks once per value, one after the other within a value, with at most <c>concurrencyLimit</c> values
/// going at once (1: one value after the other, 0: all at once). Each value's runs carry it as <c>taskrun.value</c>.
/// </summary>
public sealed class ForEachResolver : IFlowableResolver
{
    public Resolution.Resolution Resolve(FlowableTask task, TaskRun run, FlowableScope scope)
    {
        var forEach = (ForEach)task;
        var values = Values(forEach.Values, scope.Context(run, task));
        var runs = scope.Children(run);
        var byValue = runs.Where(r => r.Value is not null).ToLookup(r => r.Value!, StringComparer.Ordinal);
        var planned = new List<PlannedRun>();
        var active = 0;
        var failed = false;
        var notStarted = new List<(string Value, int Iteration)>();
        for (var i = 0; i < values.Count; i++)
        {
            var valueRuns = byValue[values[i]].ToList();
            if (valueRuns.Count == 0)
            {
                notStarted.Add((values[i], i));
                continue;
            }

            var progress = Sequence.Walk(forEach.Tasks, valueRuns, values[i], i);
            failed |= progress.Failed;
            if (!progress.Done)
            {
                active++;
                if (progress.Next is { } next)
                {
                    planned.Add(next);
                }
            }
        }

        if (!failed)
        {
            var room = forEach.ConcurrencyLimit <= 0 ? notStarted.Count : forEach.ConcurrencyLimit - active;
            foreach (var (value, iteration) in notStarted.Take(Math.Max(room, 0)))
            {
                if (Sequence.Walk(forEach.Tasks, [], value, iteration).Next is { } first)
                {
                    planned.Add(first);
                }
            }
        }

        if (planned.Count > 0)
        {
            return new CreateRuns(planned);
        }

        if (active > 0)
        {
            return Resolution.Resolution.Wait;
        }

        var main = runs.Where(r => r.Value is not null);
        var outOfLoop = runs.Where(r => r.Value is null).ToList();
        return Sequence.Conclude(failed, FinalState.Of(main), task.Errors, task.Finally, outOfLoop);
    }

    /// <summary>The values as text: a list, a JSON array in a string, or an expression that gives either.</summary>
    public static List<string> Values(object? values, RenderContext context)
    {
        var resolved = values is string text ? TemplateEngine.Evaluate(text, context) : values;
        if (resolved is string json)
        {
            resolved = json.TrimStart().StartsWith('[') ? PlainJson.Parse(json) : throw new ExpressionException($"ForEach values must be a list or a JSON array, got '{json}'");
        }

        return resolved is IEnumerable list and not string and not IDictionary
            ? [.. list.Cast<object?>().Select(ValueText)]
            : throw new ExpressionException($"ForEach values must be a list, got {PlainValues.ToText(resolved)}");
    }

    public static string ValueText(object? value) => value is string s ? s : PlainJson.Write(value);
}
