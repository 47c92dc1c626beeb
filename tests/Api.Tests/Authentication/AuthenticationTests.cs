using System.Net;
using Kite.Api.Tests.Fixtures;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using static Kite.Api.Tests.Fixtures.ApiHttp;

namespace Kite.Api.Tests.Authentication;

[Collection(ApiCollection.Name)]
public sealed class AuthenticationTests(ApiFixture api)
{
    [Theory]
    [InlineData("GET", "/api/v1/flows/search")]
    [InlineData("GET", "/api/v1/main/flows/search")]
    [InlineData("POST", "/api/v1/flows")]
    [InlineData("PUT", "/api/v1/flows/ns/id")]
    [InlineData("GET", "/api/v1/flows/ns/id")]
    [InlineData("DELETE", "/api/v1/flows/ns/id")]
    [InlineData("GET", "/api/v1/flows/ns/id/revisions")]
    [InlineData("GET", "/api/v1/flows/ns")]
    [InlineData("POST", "/api/v1/flows/validate")]
    [InlineData("POST", "/api/v1/flows/disable/by-ids")]
    [InlineData("POST", "/api/v1/flows/enable/by-ids")]
    [InlineData("POST", "/api/v1/executions/ns/id")]
    [InlineData("GET", "/api/v1/executions/abc")]
    [InlineData("DELETE", "/api/v1/main/executions/abc")]
    [InlineData("GET", "/api/v1/executions/search")]
    [InlineData("GET", "/openapi/v1.json")]
    [InlineData("GET", "/scalar/v1")]
    public async Task Every_route_refuses_a_request_without_credentials_or_with_a_wrong_password(string method, string path)
    {
        using var anonymous = api.Anonymous();
        using var wrong = api.Anonymous();
        wrong.DefaultRequestHeaders.Authorization = ApiFixture.BasicHeader(ApiFixture.Username, "wrong");

        using var none = await anonymous.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
        using var refused = await wrong.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal("Basic", none.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task Garbage_in_the_authorization_header_is_401_not_500()
    {
        using var client = api.Anonymous();
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "Basic !!!not-base64");

        using var response = await client.GetAsync("/api/v1/flows/search");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("/alive")]
    [InlineData("/health")]
    public async Task Health_endpoints_answer_without_credentials(string path)
    {
        using var client = api.Anonymous();

        using var response = await client.GetAsync(path);

        Assert.NotEqual(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public void Every_mapped_endpoint_but_health_requires_authorization()
    {
        var endpoints = api.Api.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();

        var open = endpoints
            .Where(e => e.Metadata.GetMetadata<IAuthorizeData>() is null)
            .Select(e => e.RoutePattern.RawText)
            .ToList();

        Assert.NotEmpty(endpoints);
        Assert.All(open, path => Assert.True(path is "/health" or "/alive", $"{path} answers without credentials"));
    }

    [Fact]
    public void The_api_refuses_to_start_without_a_password_and_says_which_setting_to_give()
    {
        using var factory = ApiFixture.Factory(api.Database, api.Infrastructure.RabbitMqConnectionString, password: null);

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        var messages = string.Join(" | ", Chain(error).Select(e => e.Message));
        Assert.Contains("Auth__Password", messages, StringComparison.Ordinal);
    }

    private static IEnumerable<Exception> Chain(Exception error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            yield return e;
        }
    }

    /// <summary>
    /// Every route the Api maps, called for real with each of its methods and made-up route values, without
    /// credentials: 401 everywhere, except the health probes, the webhooks, whose key is their credential (a wrong one is
    /// 404, as for an unknown flow), and the API reference's own script and icon files, which Scalar serves to anyone:
    /// they are the same public files in every installation and hold no data (the reference page itself needs
    /// credentials). A route added later is covered without editing this test.
    /// </summary>
    [Fact]
    public async Task Every_mapped_route_and_method_answers_401_without_credentials_except_health_and_webhooks()
    {
        var calls = api.Api.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (Method: m, Pattern: e.RoutePattern,
                Accepts: e.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes is [var first, ..] ? first : "application/json")))
            .Distinct()
            .ToList();
        using var anonymous = api.Anonymous();
        var wrong = new List<string>();
        foreach (var (method, pattern, accepts) in calls)
        {
            var path = "/" + string.Join('/', pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
            {
                Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart literal => literal.Content,
                Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart => "made-up",
                _ => "",
            }))));
            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            if (method is "POST" or "PUT" or "PATCH")
            {
                // The body a route accepts, so that it is the route (not content negotiation) that answers.
                request.Content = new StringContent("{}");
                request.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(accepts);
            }

            using var response = await anonymous.SendAsync(request);
            var expected = path is "/health" or "/alive" || IsReferenceAsset(path) ? response.StatusCode is not HttpStatusCode.Unauthorized
                : path.Contains("/executions/webhook/", StringComparison.Ordinal) ? response.StatusCode is HttpStatusCode.NotFound
                : response.StatusCode is HttpStatusCode.Unauthorized;
            if (!expected)
            {
                wrong.Add($"{method} {path} ({pattern.RawText}): {(int)response.StatusCode}");
            }
        }

        Assert.True(calls.Count > 50, $"only {calls.Count} routes found");
        Assert.Empty(wrong);
    }

    private static bool IsReferenceAsset(string path) =>
        path.StartsWith("/scalar/", StringComparison.Ordinal) && Path.GetExtension(path) is ".js" or ".svg" or ".css";
}
