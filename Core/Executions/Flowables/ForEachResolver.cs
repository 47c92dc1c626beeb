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
/// The values are rendered once, when the loop's progress is first built (see <see cref="LoopProgress"/>).
/// </summary>
public sealed class ForEachResolver : IFlowableResolver
{
    public Resolution.Resolution Resolve(FlowableTask task, TaskRun run, FlowableScope scope)
    {
        var forEach = (ForEach)task;
        run.Loop ??= new LoopProgress(run, Values(forEach.Values, scope.Context(run, task)));
        return run.Loop.Resolve(forEach, scope.Runs);
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
