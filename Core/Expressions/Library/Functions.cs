using System.Collections;
using Kite.Core.Values;

namespace Kite.Core.Expressions.Library;

/// <summary>The functions Kestra flows call: <c>range</c>, <c>now</c>, <c>fromJson</c>, <c>secret</c>, <c>render</c>...</summary>
internal static class Functions
{
    public static IReadOnlyDictionary<string, Function> All { get; } = new Dictionary<string, Function>(Core, StringComparer.Ordinal)
        .Concat(IdFunctions.All).Concat(StorageFunctions.All).Concat(ContextFunctions.All)
        .ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);

    private static Dictionary<string, Function> Core => new(StringComparer.Ordinal)
    {
        ["range"] = Range,
        ["now"] = (_, scope) => scope.Context.Time.GetUtcNow(),
        ["json"] = (args, _) => FromJson(args),
        ["fromJson"] = (args, _) => FromJson(args),
        ["toJson"] = (args, _) => PlainJson.Write(args.Get(0, "object")),
        ["yaml"] = Yaml,
        ["currentEachOutput"] = CurrentEachOutput,
        ["uuid"] = (_, _) => Guid.NewGuid().ToString(),
        ["max"] = (args, _) => Extreme(args, 1),
        ["min"] = (args, _) => Extreme(args, -1),
        ["render"] = Render,
        ["errorLogs"] = (_, scope) => scope.Context.ErrorLogs?.Invoke().ToList() ?? [],
        ["secret"] = Secret,
    };

    private static object Range(Arguments args, Scope scope)
    {
        var start = args.Long(0, "start", 0);
        var end = args.Long(1, "end", 0);
        var step = args.Long(2, "step", 1);
        if (step == 0)
        {
            throw new ExpressionException("range(): step cannot be 0");
        }
        // Counted before building, so that range(1, 100000000) fails at once instead of filling memory first.
        var count = (step > 0 ? end >= start : end <= start) ? (long)Int128.Min(((Int128)end - start) / step + 1, long.MaxValue) : 0;
        scope.Meter.Spend(count, "range()");
        var items = new List<object?>((int)Math.Min(count, Array.MaxLength));
        for (var i = 0L; i < count; i++)
        {
            items.Add(start + (i * step));
        }
        return items;
    }

    private static object? Yaml(Arguments args, Scope scope)
    {
        var text = args.String(0, "yaml") ?? "";
        YamlShape.Check(text, scope.Meter);
        return PlainYaml.Parse(text);
    }

    private static object? FromJson(Arguments args) =>
        args.Get(0, "json") is string text ? PlainJson.Parse(text) : args.Get(0, "json");

    /// <summary>Picks, in a loop, the output of the current iteration: outputs.x[parent values...][taskrun.value].</summary>
    private static object? CurrentEachOutput(Arguments args, Scope scope)
    {
        var current = args.Get(0, "outputs");
        var keys = new List<object?>();
        if (scope.TryGet("parents", out var parents) && parents is IList list)
        {
            for (var i = list.Count - 1; i >= 0; i--)
            {
                keys.Add(LoopValue(list[i]));
            }
        }
        if (scope.TryGet("taskrun", out var taskRun))
        {
            keys.Add(LoopValue(new Dictionary<string, object?> { ["taskrun"] = taskRun }));
        }
        foreach (var key in keys.Where(k => k is not null))
        {
            if (current is IDictionary map && map.Contains(PlainValues.ToText(key)))
            {
                current = map[PlainValues.ToText(key)];
            }
        }
        return current;
    }

    private static object? LoopValue(object? parent) =>
        parent is IDictionary p && p["taskrun"] is IDictionary t && t.Contains("value") ? t["value"] : null;

    private static object? Extreme(Arguments args, int sign)
    {
        IEnumerable<object?> values = args.Positional.Count == 1 && args.Positional[0] is IList list ? list.Cast<object?>() : args.Positional;
        object? best = null;
        foreach (var value in values)
        {
            if (best is null || ValueRules.Compare(value, best, sign > 0 ? "max" : "min") * sign > 0)
            {
                best = value;
            }
        }
        return best;
    }

    private static object? Render(Arguments args, Scope scope)
    {
        var text = args.Get(0, "toRender");
        if (text is not string template)
        {
            return text;
        }
        var recursive = args.Get(1, "recursive") is not false;
        var result = TemplateEngine.Parse(template).RenderNested(scope, "render()");
        for (var depth = 0; recursive && depth < 10 && TemplateEngine.HasExpression(result) && result != template; depth++)
        {
            template = result;
            result = TemplateEngine.Parse(template).RenderNested(scope, "render()");
        }
        return result;
    }

    private static object Secret(Arguments args, Scope scope)
    {
        var name = args.String(0, "key") ?? throw new ExpressionException("secret() needs the secret's name");
        var store = scope.Context.Secrets ?? throw new ExpressionException($"secret '{name}' cannot be read: no secret store is configured");
        return store.Get(args.String(1, "namespace", scope.Context.Namespace), name)
            ?? throw new ExpressionException($"secret '{name}' does not exist");
    }
}
