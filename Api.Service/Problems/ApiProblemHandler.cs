using Microsoft.AspNetCore.Diagnostics;

namespace Kite.Api.Problems;

/// <summary>Writes problem details for bad input, so that no malformed request ends as a 500.</summary>
public sealed class ApiProblemHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, field, message) = exception switch
        {
            ApiProblemException e => (e.Status, e.Field, e.Message),
            BadHttpRequestException e => (e.StatusCode, "body", e.Message),
            _ => (0, "", ""),
        };
        if (status == 0)
        {
            return false;
        }

        httpContext.Response.StatusCode = status;
        var details = Problem.Details(status, message, field);
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = details, Exception = exception });
    }
}
