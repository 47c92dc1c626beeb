using Microsoft.Net.Http.Headers;

namespace Kite.Api.Ui;

/// <summary>
/// The web UI under <c>/ui</c>, behind the same Basic authentication as the Api: the browser asks for the account
/// once, then sends it with every page, fetch and event stream of the same origin.
/// </summary>
public static class UiEndpoints
{
    public static IEndpointRouteBuilder MapUi(this IEndpointRouteBuilder app)
    {
        var assets = UiAssets.Load(typeof(UiEndpoints).Assembly);
        app.MapGet("/", () => Results.Redirect("/ui/")).RequireAuthorization().ExcludeFromDescription();
        app.MapGet("/ui", () => Results.Redirect("/ui/")).RequireAuthorization().ExcludeFromDescription();
        app.MapGet("/ui/{**path}", (string? path, HttpContext context) => Serve(assets.Find(path ?? ""), context))
            .RequireAuthorization()
            .ExcludeFromDescription();
        return app;
    }

    private static IResult Serve(UiAsset? asset, HttpContext context)
    {
        if (asset is null)
        {
            return Results.NotFound();
        }

        var response = context.Response;
        // Revalidated on each load (a 304 costs one round trip), so a new build is seen at once.
        response.Headers.CacheControl = "no-cache";
        response.Headers.ETag = asset.ETag;
        response.Headers.Vary = HeaderNames.AcceptEncoding;
        if (context.Request.Headers.IfNoneMatch == asset.ETag)
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        if (context.Request.Headers.AcceptEncoding.ToString().Contains("gzip", StringComparison.OrdinalIgnoreCase))
        {
            response.Headers.ContentEncoding = "gzip";
            return Results.Bytes(asset.Gzipped, asset.ContentType);
        }

        return Results.Bytes(asset.Content, asset.ContentType);
    }
}
