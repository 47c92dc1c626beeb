using System.Text.RegularExpressions;

namespace Kite.Core.Validation;

/// <summary>Kestra's identifier rules: what characters, and how long.</summary>
public static partial class IdPatterns
{
    [GeneratedRegex("^[a-zA-Z0-9][a-zA-Z0-9._-]*$")]
    private static partial Regex FlowId();

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]*$")]
    private static partial Regex Namespace();

    [GeneratedRegex("^[a-zA-Z0-9][a-zA-Z0-9_-]*$")]
    private static partial Regex TaskId();

    [GeneratedRegex("^[a-zA-Z0-9][.a-zA-Z0-9_-]*$")]
    private static partial Regex InputId();

    /// <summary>Null when <paramref name="value"/> is a valid id of that kind, else why not.</summary>
    public static string? Check(IdKind kind, string value) => kind switch
    {
        IdKind.Flow => Match(FlowId(), value, 100, "a flow id", "letters, digits, '.', '_' and '-', starting with a letter or digit"),
        IdKind.Namespace => Match(Namespace(), value, 150, "a namespace", "lower-case letters, digits, '.', '_' and '-', starting with a letter or digit"),
        IdKind.Task => Match(TaskId(), value, 100, "an id", "letters, digits, '_' and '-', starting with a letter or digit"),
        _ => Match(InputId(), value, 100, "an input id", "letters, digits, '.', '_' and '-', starting with a letter or digit"),
    };

    private static string? Match(Regex regex, string value, int max, string what, string rule)
    {
        if (value.Length > max)
        {
            return $"'{value}' is not valid as {what}: at most {max} characters";
        }
        return regex.IsMatch(value) ? null : $"'{value}' is not valid as {what}: use {rule}";
    }
}
