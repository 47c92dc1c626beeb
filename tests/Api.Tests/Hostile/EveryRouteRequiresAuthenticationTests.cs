using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Kite.Api.Tests.Fixtures;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace Kite.Api.Tests.Hostile;

/// <summary>
/// Every endpoint of the app, as its <see cref="EndpointDataSource"/> lists them, answers 401 to a caller without
/// credentials or with wrong ones, except the few meant to be open, which are listed here by name: a route made
/// anonymous later fails this test until it is added to <see cref="Anonymous"/> on purpose.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class EveryRouteRequiresAuthenticationTests(ApiFixture api)
{
    /// <summary>
    /// The open routes, by method and pattern: the health probes (Kubernetes calls them without credentials), the
    /// webhooks (their key is their credential), and the API reference's script and icon, which Scalar serves to anyone
    /// (the same public files in every installation; the reference page itself needs credentials). The UI is not open.
    /// </summary>
    private static readonly HashSet<string> Anonymous =
    [
        "* /health",
        "* /alive",
        "GET,POST,PUT /api/v1/executions/webhook/{namespace}/{flowId}/{key}",
        "GET,POST,PUT /api/v1/main/executions/webhook/{namespace}/{flowId}/{key}",
        "GET /scalar/scalar.js",
        "GET /scalar/scalar.aspnetcore.js",
        "GET /scalar/favicon.svg",
    ];

    private static readonly (string Name, AuthenticationHeaderValue? Header)[] WrongCredentials =
    [
        ("no credentials", null),
        ("a wrong password", ApiFixture.BasicHeader(ApiFixture.Username, "wrong")),
        ("a wrong username", ApiFixture.BasicHeader("admin", ApiFixture.Password)),
        ("the username in another case", ApiFixture.BasicHeader(ApiFixture.Username.ToUpperInvariant(), ApiFixture.Password)),
        ("an empty password", ApiFixture.BasicHeader(ApiFixture.Username, "")),
        ("the password with a trailing space", ApiFixture.BasicHeader(ApiFixture.Username, ApiFixture.Password + " ")),
        ("no colon", new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(ApiFixture.Username + ApiFixture.Password)))),
        ("not base64", new AuthenticationHeaderValue("Basic", "!!!")),
        ("an empty Basic", new AuthenticationHeaderValue("Basic")),
        ("a bearer token", new AuthenticationHeaderValue("Bearer", "eyJhbGciOiJub25lIn0.e30.")),
    ];

    private List<RouteEndpoint> Endpoints => [.. api.Api.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()];

    [Fact]
    public void The_endpoints_open_without_credentials_are_exactly_the_listed_ones()
    {
        var open = Endpoints
            .Where(e => e.Metadata.GetMetadata<IAuthorizeData>() is null || e.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            .Select(Name)
            .ToHashSet(StringComparer.Ordinal);

        Assert.True(Endpoints.Count > 50, $"only {Endpoints.Count} endpoints found");
        Assert.Equal(Anonymous.Order(StringComparer.Ordinal), open.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Every_other_route_and_method_answers_401_with_a_Basic_challenge_to_missing_or_wrong_credentials()
    {
        var wrong = new List<string>();
        foreach (var endpoint in Endpoints.Where(e => !Anonymous.Contains(Name(e))))
        {
            foreach (var method in Methods(endpoint))
            {
                foreach (var (name, header) in WrongCredentials)
                {
                    using var client = api.Anonymous();
                    client.DefaultRequestHeaders.Authorization = header;
                    using var response = await client.SendAsync(Request(endpoint, method));
                    var body = await response.Content.ReadAsStringAsync();
                    var challenged = response.StatusCode == HttpStatusCode.Unauthorized
                        && response.Headers.WwwAuthenticate.Any(c => c.Scheme == "Basic")
                        && response.Content.Headers.ContentType?.MediaType == "application/problem+json"
                        && (string?)JsonNode.Parse(body)?["field"] == "Authorization";
                    if (!challenged)
                    {
                        wrong.Add($"{method} {endpoint.RoutePattern.RawText} with {name}: {(int)response.StatusCode} {body[..Math.Min(120, body.Length)]}");
                    }
                }
            }
        }

        Assert.Empty(wrong);
    }

    [Fact]
    public async Task The_listed_open_routes_answer_without_credentials()
    {
        using var client = api.Anonymous();
        var wrong = new List<string>();
        foreach (var endpoint in Endpoints.Where(e => Anonymous.Contains(Name(e))))
        {
            foreach (var method in Methods(endpoint))
            {
                using var response = await client.SendAsync(Request(endpoint, method));
                // A webhook with made-up values is the 404 of a wrong key; the others answer their content.
                var webhook = endpoint.RoutePattern.RawText!.Contains("/webhook/", StringComparison.Ordinal);
                if (webhook ? response.StatusCode != HttpStatusCode.NotFound : response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.NotFound)
                {
                    wrong.Add($"{method} {endpoint.RoutePattern.RawText}: {(int)response.StatusCode}");
                }
            }
        }

        Assert.Empty(wrong);
    }

    private static string Name(RouteEndpoint endpoint) =>
        $"{(endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is { Count: > 0 } methods ? string.Join(",", methods) : "*")} {endpoint.RoutePattern.RawText}";

    private static IReadOnlyList<string> Methods(RouteEndpoint endpoint) =>
        endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is { Count: > 0 } methods ? methods : ["GET"];

    /// <summary>A call to the endpoint with made-up route values, and for a method with a body one the route accepts, so that the route (not content negotiation) answers.</summary>
    private static HttpRequestMessage Request(RouteEndpoint endpoint, string method)
    {
        var path = "/" + string.Join('/', endpoint.RoutePattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternParameterPart => "made-up",
            _ => "",
        }))));
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method is "POST" or "PUT" or "PATCH")
        {
            var accepts = endpoint.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes is [var first, ..] ? first : "application/json";
            request.Content = new StringContent("{}");
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(accepts);
        }

        return request;
    }
}
