using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Kite.Core.Values;

namespace Kite.Core.Expressions.Library;

/// <summary>Filters on text: upper, lower, trim, replace, split, slugify, startsWith, substringBefore...</summary>
internal static partial class StringFilters
{
    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NonSlug();

    public static IReadOnlyDictionary<string, Filter> All { get; } = new Dictionary<string, Filter>(StringComparer.Ordinal)
    {
        ["upper"] = (input, _, _) => Text(input).ToUpperInvariant(),
        ["lower"] = (input, _, _) => Text(input).ToLowerInvariant(),
        ["trim"] = (input, _, _) => Text(input).Trim(),
        ["title"] = (input, _, _) => CultureInfo.InvariantCulture.TextInfo.ToTitleCase(Text(input)),
        ["capitalize"] = (input, _, _) => Text(input) is { Length: > 0 } s ? char.ToUpperInvariant(s[0]) + s[1..] : "",
        ["replace"] = Replace,
        ["split"] = (input, args, _) => Text(input).Split(args.String(0, "delimiter") ?? ",").Cast<object?>().ToList(),
        ["slugify"] = (input, _, _) => NonSlug().Replace(RemoveAccents(Text(input).ToLowerInvariant()), "-").Trim('-'),
        ["startsWith"] = (input, args, _) => Text(input).StartsWith(args.String(0, "prefix") ?? "", StringComparison.Ordinal),
        ["endsWith"] = (input, args, _) => Text(input).EndsWith(args.String(0, "suffix") ?? "", StringComparison.Ordinal),
        ["substringBefore"] = (input, args, _) => Before(Text(input), args.String(0, "separator") ?? "", last: false),
        ["substringBeforeLast"] = (input, args, _) => Before(Text(input), args.String(0, "separator") ?? "", last: true),
        ["substringAfter"] = (input, args, _) => After(Text(input), args.String(0, "separator") ?? "", last: false),
        ["substringAfterLast"] = (input, args, _) => After(Text(input), args.String(0, "separator") ?? "", last: true),
        ["abs"] = (input, _, _) => Abs(input),
        ["number"] = Number,
        ["string"] = (input, _, _) => PlainValues.ToText(input),
        ["base64encode"] = (input, _, _) => Convert.ToBase64String(Encoding.UTF8.GetBytes(Text(input))),
        ["base64decode"] = (input, _, _) => Encoding.UTF8.GetString(Convert.FromBase64String(Text(input))),
    };

    private static string Text(object? input) => PlainValues.ToText(input);

    private static object Replace(object? input, Arguments args, Scope scope)
    {
        var text = Text(input);
        if (args.Get(0, "replace_pairs") is IDictionary pairs)
        {
            foreach (DictionaryEntry pair in pairs)
            {
                text = Replace(text, PlainValues.ToText(pair.Key), PlainValues.ToText(pair.Value), scope.Meter);
            }
            return text;
        }
        var search = args.String(0, "search") ?? throw new ExpressionException("replace needs a map of replacements or (search, replacement)");
        return Replace(text, search, args.String(1, "replacement") ?? "", scope.Meter);
    }

    // A long replacement multiplies the text's length: measured before building.
    private static string Replace(string text, string search, string replacement, RenderMeter meter)
    {
        if (search.Length > 0 && replacement.Length > search.Length)
        {
            var found = 0L;
            for (var at = text.IndexOf(search, StringComparison.Ordinal); at >= 0; at = text.IndexOf(search, at + search.Length, StringComparison.Ordinal))
            {
                found++;
            }
            meter.CheckLength(text.Length + (found * (replacement.Length - search.Length)), "the result of replace");
        }
        return text.Replace(search, replacement, StringComparison.Ordinal);
    }

    private static string Before(string text, string separator, bool last)
    {
        if (separator.Length == 0)
        {
            return last ? text : "";
        }
        var at = last ? text.LastIndexOf(separator, StringComparison.Ordinal) : text.IndexOf(separator, StringComparison.Ordinal);
        return at < 0 ? text : text[..at];
    }

    private static string After(string text, string separator, bool last)
    {
        if (separator.Length == 0)
        {
            return last ? "" : text;
        }
        var at = last ? text.LastIndexOf(separator, StringComparison.Ordinal) : text.IndexOf(separator, StringComparison.Ordinal);
        return at < 0 ? "" : text[(at + separator.Length)..];
    }

    private static object Abs(object? input) =>
        ValueRules.TryNumber(input, out var n)
            ? n is long l ? (object)Math.Abs(l) : Math.Abs((double)n)
            : throw new ExpressionException($"abs needs a number, not {ValueRules.Describe(input)}");

    private static object Number(object? input, Arguments args, Scope scope)
    {
        if (!ValueRules.TryNumber(input is string s ? s.Trim() : input, out var n))
        {
            throw new ExpressionException($"'{Text(input)}' is not a number");
        }
        return args.String(0, "type")?.ToUpperInvariant() switch
        {
            "INT" or "INTEGER" or "LONG" => n is long l ? l : (long)(double)n,
            "FLOAT" or "DOUBLE" or "BIGDECIMAL" => ValueRules.ToDouble(n),
            _ => n,
        };
    }

    // Invariant globalization has no Unicode decomposition, so the common Latin accents are folded by hand.
    private const string Accented = "àáâãäåçèéêëìíîïñòóôõöùúûüýÿ";
    private const string Plain = "aaaaaaceeeeiiiinooooouuuuyy";

    private static string RemoveAccents(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var at = Accented.IndexOf(c, StringComparison.Ordinal);
            builder.Append(at >= 0 ? Plain[at] : c);
        }
        return builder.ToString().Replace("ß", "ss", StringComparison.Ordinal).Replace("æ", "ae", StringComparison.Ordinal).Replace("œ", "oe", StringComparison.Ordinal);
    }
}
