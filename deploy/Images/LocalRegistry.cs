using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Kite.Images;

/// <summary>
/// The pull side of the Docker Registry HTTP API v2 over the OCI layouts in a folder (repository <c>kite/x</c> is
/// the layout in <c>&lt;root&gt;/kite/x</c>), on 127.0.0.1 over plain HTTP: the SDK's container build pulls from a
/// <c>localhost:port</c> registry without TLS. It serves <c>GET /v2/</c>, manifests by tag or digest and blobs, and
/// nothing else: no push, no catalog, no authentication.
/// </summary>
public sealed partial class LocalRegistry : IAsyncDisposable
{
    private readonly WebApplication app;

    private LocalRegistry(WebApplication app, int port)
    {
        this.app = app;
        Address = $"localhost:{port}";
    }

    /// <summary>Host and port, as an image reference starts: <c>localhost:41234</c>.</summary>
    public string Address { get; }

    /// <summary>Starts serving the layouts under <paramref name="root"/> on 127.0.0.1 (port 0: any free port).</summary>
    public static async Task<LocalRegistry> StartAsync(string root, int port = 0, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        var fullRoot = Path.GetFullPath(root);
        app.MapMethods("/v2/{**path}", [HttpMethods.Get, HttpMethods.Head], (string? path, HttpContext context) => Serve(fullRoot, path ?? "", context));
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new LocalRegistry(app, new Uri(address).Port);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private static async Task Serve(string root, string path, HttpContext context)
    {
        var response = context.Response;
        response.Headers["Docker-Distribution-API-Version"] = "registry/2.0";
        if (path.Length == 0)
        {
            response.ContentType = "application/json";
            await response.WriteAsync("{}");
            return;
        }

        var match = ObjectPath().Match(path);
        var layout = match.Success ? OciLayout.Open(Path.Combine(root, match.Groups["name"].Value)) : null;
        if (layout is null)
        {
            await NotFound(response, "NAME_UNKNOWN", $"no repository at /v2/{path}");
            return;
        }

        var reference = match.Groups["reference"].Value;
        var (mediaType, digest) = match.Groups["kind"].Value == "manifests"
            ? layout.FindManifest(reference) is { } manifest ? (manifest.MediaType, manifest.Digest) : (null, null)
            : ("application/octet-stream", reference);
        if (digest is null || layout.BlobPath(digest) is not { } file)
        {
            await NotFound(response, match.Groups["kind"].Value == "manifests" ? "MANIFEST_UNKNOWN" : "BLOB_UNKNOWN", $"{reference} is not in {match.Groups["name"].Value}");
            return;
        }

        response.ContentType = mediaType;
        response.ContentLength = new FileInfo(file).Length;
        response.Headers["Docker-Content-Digest"] = digest;
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await response.SendFileAsync(file);
        }
    }

    private static Task NotFound(HttpResponse response, string code, string message)
    {
        response.StatusCode = StatusCodes.Status404NotFound;
        return response.WriteAsJsonAsync(new { errors = new[] { new { code, message } } });
    }

    /// <summary>A repository name as the distribution spec allows it (no <c>..</c>), then manifests or blobs and a reference.</summary>
    [GeneratedRegex("^(?<name>[a-z0-9]+(?:[._-][a-z0-9]+)*(?:/[a-z0-9]+(?:[._-][a-z0-9]+)*)*)/(?<kind>manifests|blobs)/(?<reference>[A-Za-z0-9_.:-]{1,128})$")]
    private static partial Regex ObjectPath();
}
