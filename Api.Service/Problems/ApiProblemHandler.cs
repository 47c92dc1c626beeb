using Kite.Messaging;
using Microsoft.AspNetCore.Diagnostics;

namespace Kite.Api.Problems;

/// <summary>
/// Writes problem details for bad input, so that no malformed request ends as a 500 (including the values PostgreSQL
/// refuses, <see cref="DatabaseProblems"/>), and a 503 for a command the message broker did not confirm in time.
/// </summary>
public sealed class ApiProblemHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, field, message) = exception switch
        {
            ApiProblemException e => (e.Status, e.Field, e.Message),
            BadHttpRequestException e => (e.StatusCode, "body", e.Message),
            BrokerTimeoutException e => (StatusCodes.Status503ServiceUnavailable, "broker", $"{e.Message}; nothing was changed, send the request again"),
            _ => DatabaseProblems.Of(exception, httpContext.Request) ?? (0, "", ""),
        };
        if (status == 0)
        {
            return false;
        }

        httpContext.Response.StatusCode = status;
        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            httpContext.Response.Headers.RetryAfter = "5";
        }

        var details = Problem.Details(status, message, field);
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = details, Exception = exception });
    }
}
