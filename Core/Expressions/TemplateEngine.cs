using System.Collections.Concurrent;
using Kite.Core.Expressions.Templates;

namespace Kite.Core.Expressions;

/// <summary>
/// The front door for expressions: parse a template once (cached by its text), render it against a <see cref="RenderContext"/>.
/// Text without <c>{{</c>, <c>{%</c> or <c>{#</c> is returned as is without parsing.
/// </summary>
public static class TemplateEngine
{
    // Bounded by count and by size: a template is cached only up to 64K characters (a rendered output passed to
    // render() can be megabytes, and is seldom seen twice), and all of them together up to 32M characters.
    private const int CacheLimit = 20_000;
    private const int LongestCached = 64 * 1024;
    private const long CachedCharactersLimit = 32L * 1024 * 1024;
    private static readonly ConcurrentDictionary<string, Template> Cache = new(StringComparer.Ordinal);
    private static long cachedCharacters;

    /// <summary>The parsed template, from the cache when this text was parsed before. Throws <see cref="ExpressionSyntaxException"/>.</summary>
    public static Template Parse(string text)
    {
        if (Cache.TryGetValue(text, out var template))
        {
            return template;
        }
        template = TemplateParser.Parse(text);
        if (text.Length > LongestCached)
        {
            return template;
        }
        if (Cache.Count >= CacheLimit || Interlocked.Add(ref cachedCharacters, text.Length) > CachedCharactersLimit)
        {
            Cache.Clear();
            Interlocked.Exchange(ref cachedCharacters, text.Length);
        }
        Cache[text] = template;
        return template;
    }

    /// <summary>Renders to a string. Throws <see cref="ExpressionException"/> (for example on an undefined variable).</summary>
    public static string Render(string text, RenderContext context) =>
        HasExpression(text) ? Parse(text).Render(context) : text;

    /// <summary>Like <see cref="Render"/>, but <c>"{{ range(1, 3) }}"</c> gives the list itself rather than its JSON text.</summary>
    public static object? Evaluate(string text, RenderContext context) =>
        HasExpression(text) ? Parse(text).Evaluate(context) : text;

    /// <summary>Null when the template is well formed, else the syntax error with its position.</summary>
    public static ExpressionSyntaxException? Check(string text)
    {
        if (!HasExpression(text))
        {
            return null;
        }
        try
        {
            Parse(text);
            return null;
        }
        catch (ExpressionSyntaxException e)
        {
            return e;
        }
    }

    public static bool HasExpression(string text) =>
        text.Contains("{{", StringComparison.Ordinal) || text.Contains("{%", StringComparison.Ordinal) || text.Contains("{#", StringComparison.Ordinal);
}
