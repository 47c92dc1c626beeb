using Kite.Api.Problems;

namespace Kite.Api.Logs;

/// <summary>Kestra's log levels, least severe first; <c>minLevel=INFO</c> means INFO and everything more severe.</summary>
public static class LogLevels
{
    private static readonly string[] Ordered = ["TRACE", "DEBUG", "INFO", "WARN", "ERROR"];

    /// <summary>The levels at or above <paramref name="minLevel"/> (all of them without one).</summary>
    public static string[] AtLeast(string? minLevel, string parameter = "minLevel")
    {
        if (string.IsNullOrEmpty(minLevel))
        {
            return Ordered;
        }

        var index = Array.IndexOf(Ordered, minLevel.ToUpperInvariant());
        return index < 0
            ? throw ApiProblemException.BadRequest(parameter, $"'{minLevel}' is not a log level; levels are {string.Join(", ", Ordered)}")
            : Ordered[index..];
    }
}
