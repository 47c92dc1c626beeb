using Kite.Api.Problems;

namespace Kite.Api.Routing;

/// <summary>
/// Refuses a query or route value holding U+0000 with 400 naming the parameter. PostgreSQL text cannot hold the
/// character, so the statement would fail as a 500; and no id, namespace, filter or label of Kestra's has one. It runs
/// after authorization, so a caller without credentials still learns only that it needs them.
/// </summary>
public static class NulCharacters
{
    public static IApplicationBuilder UseNulCharacterRefusal(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (Holder(context.Request) is { } parameter)
        {
            var name = parameter.Replace("\0", "\\0", StringComparison.Ordinal);
            throw ApiProblemException.BadRequest(name, $"'{name}' holds a NUL character (U+0000), which no value of the Api may hold");
        }

        await next(context);
    });

    private static string? Holder(HttpRequest request)
    {
        foreach (var (name, values) in request.Query)
        {
            if (name.Contains('\0') || values.Any(v => v?.Contains('\0') == true))
            {
                return name;
            }
        }

        return request.RouteValues.FirstOrDefault(r => r.Value is string text && text.Contains('\0')).Key;
    }
}
