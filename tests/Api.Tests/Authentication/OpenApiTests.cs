using System.Net;
using Kite.Api.Tests.Fixtures;
using static Kite.Api.Tests.Fixtures.ApiHttp;

namespace Kite.Api.Tests.Authentication;

[Collection(ApiCollection.Name)]
public sealed class OpenApiTests(ApiFixture api)
{
    [Fact]
    public async Task The_OpenAPI_document_describes_the_flows_and_executions_routes()
    {
        using var client = api.Client();

        var document = await (await client.GetAsync("/openapi/v1.json")).JsonAsync();

        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();
        Assert.Contains("/api/v1/flows/search", paths);
        Assert.Contains("/api/v1/main/executions/{namespace}/{flowId}", paths);
    }

    [Fact]
    public async Task The_Scalar_reference_page_is_served()
    {
        using var client = api.Client();

        using var response = await client.GetAsync("/scalar/v1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }
}
