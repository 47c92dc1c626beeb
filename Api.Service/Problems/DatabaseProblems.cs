using Npgsql;

namespace Kite.Api.Problems;

/// <summary>
/// The refusals PostgreSQL makes of a value the request carried, as the 400 they are: a NUL character in the body
/// (query and route values are refused before, by NulCharacters) and a regular expression it does not read. Anything
/// else it refuses is the Api's fault, and stays a 500.
/// </summary>
public static class DatabaseProblems
{
    public static (int Status, string Field, string Message)? Of(Exception exception, HttpRequest request)
    {
        var database = Chain(exception).OfType<PostgresException>().FirstOrDefault();
        return database?.SqlState switch
        {
            PostgresErrorCodes.CharacterNotInRepertoire or PostgresErrorCodes.UntranslatableCharacter =>
                (StatusCodes.Status400BadRequest, "body", "a value of the body holds a NUL character (U+0000), which cannot be stored"),
            PostgresErrorCodes.InvalidRegularExpression => (StatusCodes.Status400BadRequest, RegexFilter(request), $"the REGEX filter is not a regular expression PostgreSQL reads: {database.MessageText}"),
            _ => null,
        };
    }

    /// <summary>The <c>filters[field][REGEX]</c> parameter of the request (the only place a client gives a regular expression).</summary>
    private static string RegexFilter(HttpRequest request) =>
        request.Query.Keys.FirstOrDefault(k => k.EndsWith("[REGEX]", StringComparison.Ordinal)) ?? "filters";

    private static IEnumerable<Exception> Chain(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            yield return e;
        }
    }
}
