using System.Net;
using Kite.Api.Tests.Fixtures;

namespace Kite.Api.Tests.Hostile;

/// <summary>
/// Filter values PostgreSQL or the calendar would refuse (regular expressions it does not read, durations past the year
/// 9999, NUL characters) are a 400 naming the parameter, never a 500.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class FilterValueTests(ApiFixture api)
{
    private readonly HttpClient client = api.Client();

    [Theory]
    [InlineData("(")]
    [InlineData("\\")]
    [InlineData("a{2,1}")]
    [InlineData("[z-a]")]
    public async Task An_invalid_regular_expression_is_400_naming_the_REGEX_filter(string pattern)
    {
        foreach (var path in new[] { "/api/v1/executions/search", "/api/v1/flows/search", "/api/v1/logs/search", "/api/v1/triggers/search" })
        {
            var response = await client.GetAsync($"{path}?filters[flowId][REGEX]={Uri.EscapeDataString(pattern)}");

            var problem = await response.ProblemAsync(HttpStatusCode.BadRequest, "filters[flowId][REGEX]");
            Assert.Contains("regular expression", (string)problem["detail"]!, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_regular_expression_too_complex_for_PostgreSQL_is_400_naming_the_REGEX_filter()
    {
        var response = await client.GetAsync($"/api/v1/executions/search?filters[flowId][REGEX]={new string('x', 100 * 1024)}");

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest, "filters[flowId][REGEX]");
        Assert.Contains("too complex", (string)problem["detail"]!, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("P99999999D")]
    [InlineData("P9999999D")]
    [InlineData("-P9999999D")]
    public async Task A_time_range_reaching_past_the_calendar_is_400_naming_timeRange(string duration)
    {
        var response = await client.GetAsync($"/api/v1/executions/search?timeRange={duration}");

        await response.ProblemAsync(HttpStatusCode.BadRequest, "timeRange");
    }

    [Fact]
    public async Task A_NUL_character_in_a_query_value_or_name_is_400_naming_the_parameter()
    {
        await (await client.GetAsync("/api/v1/executions/search?namespace=a%00b")).ProblemAsync(HttpStatusCode.BadRequest, "namespace");
        await (await client.GetAsync("/api/v1/flows/search?filters[flowId][CONTAINS]=%00")).ProblemAsync(HttpStatusCode.BadRequest, "filters[flowId][CONTAINS]");
        await (await client.GetAsync("/api/v1/logs/search?q%00=x")).ProblemAsync(HttpStatusCode.BadRequest, "q\\0");
    }

    /// <summary>The in-process server cannot carry a NUL in a path; Kestrel refuses one itself, before any route runs.</summary>
    [Fact]
    public async Task Over_a_socket_a_NUL_in_the_path_is_refused_with_400_and_one_in_the_query_with_a_400_naming_the_parameter()
    {
        await using var server = api.Api.WithWebHostBuilder(_ => { });
        server.UseKestrel(0);
        server.StartServer();
        using var socket = server.CreateClient();
        socket.DefaultRequestHeaders.Authorization = ApiFixture.BasicHeader(ApiFixture.Username, ApiFixture.Password);

        foreach (var path in new[] { "/api/v1/executions/%00", "/api/v1/flows/a%00b/f", "/api/v1/logs/x%00", "/api/v1/executions/webhook/a/b/%00" })
        {
            using var response = await socket.GetAsync(path);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }

        await (await socket.GetAsync("/api/v1/executions/search?flowId=%00")).ProblemAsync(HttpStatusCode.BadRequest, "flowId");
    }
}
