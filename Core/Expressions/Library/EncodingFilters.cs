using System.Security.Cryptography;
using System.Text;
using Kite.Core.Values;

namespace Kite.Core.Expressions.Library;

/// <summary>Hashes, URL encoding and indentation: md5, sha1, sha256, sha512, urlencode, urldecode, indent, nindent.</summary>
internal static class EncodingFilters
{
    public static IReadOnlyDictionary<string, Filter> All { get; } = new Dictionary<string, Filter>(StringComparer.Ordinal)
    {
#pragma warning disable CA5351, CA5350 // Kestra offers md5 and sha1 as checksums, not for security.
        ["md5"] = (input, _, _) => Hex(MD5.HashData(Bytes(input))),
        ["sha1"] = (input, _, _) => Hex(SHA1.HashData(Bytes(input))),
#pragma warning restore CA5351, CA5350
        ["sha256"] = (input, _, _) => Hex(SHA256.HashData(Bytes(input))),
        ["sha512"] = (input, _, _) => Hex(SHA512.HashData(Bytes(input))),
        ["urlencode"] = (input, _, _) => Uri.EscapeDataString(PlainValues.ToText(input)),
        ["urldecode"] = (input, _, _) => Uri.UnescapeDataString(PlainValues.ToText(input).Replace('+', ' ')),
        ["indent"] = (input, args, scope) => Indent(PlainValues.ToText(input), (int)args.Long(0, "amount", 0), args.String(1, "prefix") ?? " ", scope.Meter),
        ["nindent"] = (input, args, scope) => "\n" + Indent(PlainValues.ToText(input), (int)args.Long(0, "amount", 0), args.String(1, "prefix") ?? " ", scope.Meter, first: true),
    };

    private static byte[] Bytes(object? input) => Encoding.UTF8.GetBytes(PlainValues.ToText(input));

    private static string Hex(byte[] hash) => Convert.ToHexStringLower(hash);

    // Like Kestra's indent: every line but the first gets the padding (nindent pads the first too, after a newline).
    private static string Indent(string text, int amount, string prefix, RenderMeter meter, bool first = false)
    {
        // Measured before building: indent(2000000000) would otherwise fill memory with spaces.
        meter.CheckLength((long)amount * prefix.Length, "the indentation");
        var lines = text.Split('\n');
        meter.CheckLength(text.Length + ((long)amount * prefix.Length * lines.Length), "the indented text");
        var pad = string.Concat(Enumerable.Repeat(prefix, amount));
        return string.Join('\n', lines.Select((line, i) => (i > 0 || first) && line.Length > 0 ? pad + line : line));
    }
}
