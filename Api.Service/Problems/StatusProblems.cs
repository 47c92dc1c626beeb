using Microsoft.AspNetCore.Http.Metadata;

namespace Kite.Api.Problems;

/// <summary>Gives the framework's own refusals (no route, a method the route does not take, no credentials, a media type the route does not take) a sentence and a field.</summary>
public static class StatusProblems
{
    public static void Describe(ProblemDetailsContext context)
    {
        if (context.ProblemDetails.Detail is not null)
        {
            return;
        }

        var request = context.HttpContext.Request;
        switch (context.ProblemDetails.Status)
        {
            case StatusCodes.Status415UnsupportedMediaType:
                var accepted = context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes ?? [];
                context.ProblemDetails.Detail = $"Content-Type {request.ContentType ?? "(none)"} is not accepted here" +
                    (accepted.Count > 0 ? $"; send {string.Join(" or ", accepted)}" : "");
                context.ProblemDetails.Extensions["field"] = "Content-Type";
                break;
            case StatusCodes.Status401Unauthorized:
                context.ProblemDetails.Detail = "this route needs HTTP Basic credentials (Authorization: Basic ...)";
                context.ProblemDetails.Extensions["field"] = "Authorization";
                break;
            case StatusCodes.Status404NotFound:
                context.ProblemDetails.Detail = $"no route {request.Method} {request.Path}";
                break;
            case StatusCodes.Status405MethodNotAllowed:
                var allowed = context.HttpContext.Response.Headers.Allow.ToString();
                context.ProblemDetails.Detail = $"{request.Method} is not a method of {request.Path}" + (allowed.Length > 0 ? $"; it takes {allowed}" : "");
                break;
        }
    }
}
