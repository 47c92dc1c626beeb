namespace Kite.Api.Routing;

/// <summary>
/// Kestra serves <c>/api/v1/{tenant}/...</c> and aliases the un-tenanted <c>/api/v1/...</c>; Kite has one tenant,
/// <c>main</c>, so every route is mapped under both prefixes, and both require authentication.
/// </summary>
public static class ApiRoutes
{
    public static readonly string[] Prefixes = ["/api/v1", "/api/v1/main"];

    public static IEndpointRouteBuilder MapTenantAliased(this IEndpointRouteBuilder app, Action<RouteGroupBuilder> map)
    {
        foreach (var prefix in Prefixes)
        {
            map(app.MapGroup(prefix).RequireAuthorization());
        }

        return app;
    }
}
