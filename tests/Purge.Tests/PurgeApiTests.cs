using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kite.Api.Tests.Fixtures;
using Kite.Integration.Tests.Fixtures;
using Kite.Purge.Tests.Fixtures;

namespace Kite.Purge.Tests;

/// <summary>Purges started through the Api: recorded, run by Purge.Service, followed to their end.</summary>
[Collection(PurgeCollection.Name)]
public sealed class PurgeApiTests(PurgeFixture fixture)
{
    private static readonly DateTimeOffset Old = DateTimeOffset.UtcNow.AddDays(-40);

    [Fact]
    public async Task A_purge_started_through_the_Api_runs_on_the_purge_service_and_shows_its_progress()
    {
        var ended = Enumerable.Range(0, 12).Select(i => new SeededExecution($"api-ended-{i}", "api.target", "f", "SUCCESS", Old, Old.AddMinutes(1))).ToList();
        await Seed.ExecutionsAsync(fixture.Database, [.. ended, new SeededExecution("api-running", "api.target", "f", "RUNNING", Old, null)]);
        await using var api = ApiFixture.Factory(fixture.Database, fixture.Infrastructure.RabbitMqConnectionString, ApiFixture.Password);
        using var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = ApiFixture.BasicHeader(ApiFixture.Username, ApiFixture.Password);

        var response = await client.PostAsJsonAsync("/api/v1/main/purges/executions", new { @namespace = "api.target", endDate = DateTimeOffset.UtcNow.AddDays(-30), batchSize = 5 });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        Assert.Equal($"/api/v1/main/purges/{id}", response.Headers.Location?.OriginalString);
        var purge = await Eventually.BecomesAsync(
            async () => await client.GetFromJsonAsync<JsonElement>(response.Headers.Location),
            p => p.GetProperty("state").GetString() == "SUCCESS", $"purge {id} ends");
        Assert.Equal((12, 24, 24, 3), (purge.GetProperty("executionsCount").GetInt32(), purge.GetProperty("logsCount").GetInt32(),
            purge.GetProperty("metricsCount").GetInt32(), purge.GetProperty("batches").GetInt32()));
        var left = await MigratedDatabase.QueryAsync(fixture.Database, "SELECT id FROM executions WHERE deleted IN (true, false) AND namespace = 'api.target'", r => r.GetString(0));
        Assert.Equal(["api-running"], left);
    }

    [Fact]
    public async Task A_purge_query_the_Api_cannot_run_is_refused_with_400_naming_what_is_wrong()
    {
        await using var api = ApiFixture.Factory(fixture.Database, fixture.Infrastructure.RabbitMqConnectionString, ApiFixture.Password);
        using var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = ApiFixture.BasicHeader(ApiFixture.Username, ApiFixture.Password);

        var missingEnd = await client.PostAsJsonAsync("/api/v1/purges/executions", new { @namespace = "api.target" });
        var running = await client.PostAsJsonAsync("/api/v1/purges/executions", new { endDate = DateTimeOffset.UtcNow, states = new[] { "RUNNING" } });
        var unknown = await client.GetAsync(new Uri("/api/v1/purges/nope", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, missingEnd.StatusCode);
        Assert.Contains("endDate", await missingEnd.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, running.StatusCode);
        Assert.Contains("RUNNING is not a terminated state", await running.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
