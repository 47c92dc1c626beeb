namespace Kite.Core.Flows.Reading;

/// <summary>
/// A flow's own text as violations quote it, in messages and in paths, cut short: one key or value of a hostile flow can
/// hold megabytes, and a path repeats its keys for every node below them.
/// </summary>
internal static class TextExcerpt
{
    public const int MaxLength = 80;

    public static string Of(string text) => text.Length <= MaxLength ? text : string.Concat(text.AsSpan(0, MaxLength - 3), "...");
}
