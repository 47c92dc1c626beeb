using Kite.Core.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Kite.Api.Problems;

/// <summary>RFC 7807 answers for refused requests. Each names what was wrong: a field, an input or a YAML path and line.</summary>
public static class Problem
{
    public static ProblemHttpResult NotFound(string message) => Result(StatusCodes.Status404NotFound, message);

    public static ProblemHttpResult Conflict(string message) => Result(StatusCodes.Status409Conflict, message);

    public static ProblemHttpResult BadRequest(string field, string message) => Result(StatusCodes.Status400BadRequest, message, field);

    public static ProblemHttpResult Unprocessable(string field, string message) => Result(StatusCodes.Status422UnprocessableEntity, message, field);

    /// <summary>422 for a flow that does not read or validate, with every violation located in its YAML.</summary>
    public static ProblemHttpResult InvalidFlow(IReadOnlyList<Violation> violations)
    {
        var details = Details(StatusCodes.Status422UnprocessableEntity, string.Join("\n", violations.Select(v => v.ToString())));
        details.Title = "Invalid flow";
        details.Extensions["violations"] = violations.Select(ViolationBody.Of).ToList();
        return TypedResults.Problem(details);
    }

    /// <summary>422 for refused inputs, one error per input.</summary>
    public static ProblemHttpResult InvalidInputs(IEnumerable<(string Input, string Message)> errors)
    {
        var list = errors.ToList();
        var details = Details(StatusCodes.Status422UnprocessableEntity, string.Join("\n", list.Select(e => e.Message)));
        details.Title = "Invalid inputs";
        details.Extensions["errors"] = list.Select(e => new InputErrorBody(e.Input, e.Message)).ToList();
        return TypedResults.Problem(details);
    }

    public static ProblemDetails Details(int status, string message, string? field = null)
    {
        var details = new ProblemDetails { Status = status, Detail = message, Title = TitleOf(status) };
        if (!string.IsNullOrEmpty(field))
        {
            details.Extensions["field"] = field;
        }

        return details;
    }

    private static ProblemHttpResult Result(int status, string message, string? field = null) =>
        TypedResults.Problem(Details(status, message, field));

    private static string TitleOf(int status) => status switch
    {
        400 => "Bad request",
        401 => "Unauthorized",
        404 => "Not found",
        409 => "Conflict",
        413 => "Payload too large",
        415 => "Unsupported media type",
        422 => "Unprocessable entity",
        _ => "Error",
    };
}
