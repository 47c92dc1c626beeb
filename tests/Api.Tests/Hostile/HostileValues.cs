namespace Kite.Api.Tests.Hostile;

/// <summary>
/// What a hostile client puts in a filter or a path: SQL metacharacters, LIKE wildcards, a NUL character, 100 KB of
/// text and percent-escapes that do not decode as UTF-8. Each is given as it goes into a URL, already percent-encoded.
/// </summary>
public static class HostileValues
{
    /// <summary>About 105 KB of metacharacters.</summary>
    public static readonly string HundredKilobytes = string.Concat(Enumerable.Repeat("' OR 1=1 -- %_\\", 7_000));

    public static readonly (string Name, string Encoded)[] All =
    [
        Text("a quote and a comment", "' OR 1=1 --"),
        Text("a quoted tautology", "x' OR '1'='1"),
        Text("a percent sign", "%"),
        Text("an underscore", "_"),
        Text("a backslash", "\\"),
        Text("a stacked DROP", "\"; DROP TABLE executions; --"),
        Text("a stacked DELETE", "'); DELETE FROM flows; --"),
        Text("a NUL character", "\0"),
        Text("text around a NUL character", "a\0b"),
        Text("100 KB of metacharacters", HundredKilobytes),
        ("a truncated UTF-8 sequence", "%C3%28"),
        ("bytes that are never UTF-8", "%80%FF%FE"),
        ("an encoded surrogate", "%ED%A0%80"),
    ];

    /// <summary>All but the NUL characters, which the in-process test server refuses to put in a path.</summary>
    public static IEnumerable<(string Name, string Encoded)> ForPaths => All.Where(v => !v.Encoded.Contains("%00", StringComparison.Ordinal));

    private static (string, string) Text(string name, string text) => (name, Uri.EscapeDataString(text));
}
