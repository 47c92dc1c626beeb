using System.Text.RegularExpressions;

namespace Kite.Api.Flows;

/// <summary>Edits of a flow's YAML text that keep the rest of it (comments, order, layout) as its author wrote it.</summary>
public static partial class FlowSource
{
    /// <summary>The source with its top-level <c>disabled</c> set, replacing the key when present or appending it.</summary>
    public static string WithDisabled(string source, bool disabled)
    {
        var line = $"disabled: {(disabled ? "true" : "false")}";
        if (DisabledKey().IsMatch(source))
        {
            return DisabledKey().Replace(source, line, 1);
        }

        return source.EndsWith('\n') ? source + line + "\n" : source + "\n" + line + "\n";
    }

    [GeneratedRegex(@"^disabled[ \t]*:[^\n]*$", RegexOptions.Multiline)]
    private static partial Regex DisabledKey();
}
