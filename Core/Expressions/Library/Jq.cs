using System.Collections;
using System.Globalization;
using System.Text;
using Kite.Core.Values;

namespace Kite.Core.Expressions.Library;

/// <summary>
/// The subset of jq Kestra flows use: paths (<c>.a.b</c>, <c>.[0]</c>, <c>.["k"]</c>, <c>.[]</c>, optional <c>?</c>),
/// pipes, and the builtins length, keys, first, last, add, type, tostring, tonumber. Like Kestra's filter it returns a list.
/// </summary>
internal static class Jq
{
    public static List<object?> Run(string program, object? input)
    {
        if (input is string s && s.TrimStart() is ['{' or '[', ..])
        {
            input = PlainJson.Parse(s);
        }
        IEnumerable<object?> stream = [input];
        foreach (var stage in SplitPipes(program))
        {
            var current = stage.Trim();
            stream = stream.SelectMany(v => Stage(current, v)).ToList();
        }
        return stream.ToList();
    }

    private static IEnumerable<object?> Stage(string stage, object? value) => stage switch
    {
        "." or "" => [value],
        "length" => [value switch { string s => (long)s.Length, ICollection c => (long)c.Count, null => 0L, _ => value }],
        "keys" => [value is IDictionary m ? m.Keys.Cast<object?>().Select(PlainValues.ToText).Order(StringComparer.Ordinal).Cast<object?>().ToList() : throw Error("keys needs an object")],
        "first" => [value is IList l && l.Count > 0 ? l[0] : null],
        "last" => [value is IList l && l.Count > 0 ? l[^1] : null],
        "add" => [Add(value)],
        "type" => [TypeOf(value)],
        "tostring" => [value is string ? value : PlainJson.Write(value)],
        "tonumber" => [ValueRules.TryNumber(value, out var n) ? n : throw Error($"cannot parse '{value}' as a number")],
        _ when stage.StartsWith('.') => Path(stage, value),
        _ => throw Error($"unsupported jq expression '{stage}'"),
    };

    private static IEnumerable<object?> Path(string path, object? root)
    {
        IEnumerable<object?> current = [root];
        var i = 0;
        while (i < path.Length)
        {
            if (path[i] == '.')
            {
                i++;
                if (i < path.Length && (char.IsLetter(path[i]) || path[i] == '_'))
                {
                    var start = i;
                    while (i < path.Length && (char.IsLetterOrDigit(path[i]) || path[i] is '_' or '-'))
                    {
                        i++;
                    }
                    var key = path[start..i];
                    current = current.Select(v => Field(v, key)).ToList();
                }
                else if (i < path.Length && path[i] == '"')
                {
                    var end = path.IndexOf('"', i + 1);
                    var key = path[(i + 1)..end];
                    i = end + 1;
                    current = current.Select(v => Field(v, key)).ToList();
                }
                continue;
            }
            if (path[i] == '[')
            {
                var end = path.IndexOf(']', i);
                if (end < 0)
                {
                    throw Error($"missing ']' in '{path}'");
                }
                var inside = path[(i + 1)..end].Trim();
                i = end + 1;
                current = inside.Length == 0
                    ? current.SelectMany(Iterate).ToList()
                    : current.Select(v => Index(v, inside)).ToList();
                continue;
            }
            if (path[i] == '?' || char.IsWhiteSpace(path[i]))
            {
                i++;
                continue;
            }
            throw Error($"unexpected '{path[i]}' in '{path}'");
        }
        return current;
    }

    private static object? Field(object? value, string key) => value switch
    {
        null => null,
        IDictionary map => map.Contains(key) ? map[key] : null,
        _ => throw Error($"cannot index {TypeOf(value)} with \"{key}\""),
    };

    private static object? Index(object? value, string inside)
    {
        if (inside.StartsWith('"'))
        {
            return Field(value, inside.Trim('"'));
        }
        if (!int.TryParse(inside, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var index))
        {
            throw Error($"unsupported index '{inside}'");
        }
        if (value is not IList list)
        {
            return value is null ? null : throw Error($"cannot index {TypeOf(value)} with a number");
        }
        if (index < 0)
        {
            index += list.Count;
        }
        return index >= 0 && index < list.Count ? list[index] : null;
    }

    private static IEnumerable<object?> Iterate(object? value) => value switch
    {
        IDictionary map => map.Values.Cast<object?>(),
        IList list => list.Cast<object?>(),
        _ => throw Error($"cannot iterate over {TypeOf(value)}"),
    };

    private static object? Add(object? value)
    {
        if (value is not IList list || list.Count == 0)
        {
            return null;
        }
        return list.Cast<object?>().Skip(1).Aggregate(list[0], (a, b) => a is string || b is string ? PlainValues.ToText(a) + PlainValues.ToText(b) : Operators.Apply("+", a, b));
    }

    private static string TypeOf(object? value) => value switch
    {
        null => "null",
        bool => "boolean",
        string => "string",
        IDictionary => "object",
        IList => "array",
        _ when PlainValues.IsNumber(value) => "number",
        _ => "string",
    };

    private static IEnumerable<string> SplitPipes(string program)
    {
        var depth = 0;
        var quoted = false;
        var current = new StringBuilder();
        foreach (var c in program)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && c is '[' or '(')
            {
                depth++;
            }
            else if (!quoted && c is ']' or ')')
            {
                depth--;
            }
            if (c == '|' && depth == 0 && !quoted)
            {
                yield return current.ToString();
                current.Clear();
                continue;
            }
            current.Append(c);
        }
        yield return current.ToString();
    }

    private static ExpressionException Error(string message) => new($"jq: {message}");
}
