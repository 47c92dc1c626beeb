using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Kite.Api.Tests.Fixtures;
using Npgsql;

namespace Kite.Api.Tests.Triggers;

/// <summary>
/// The trigger routes over rows seeded straight into <c>triggers</c>: this fixture runs no scheduler, so the rows hold
/// still and each test sees exactly what the Api wrote. Each test has a namespace of its own.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class TriggersApiTests(ApiFixture api)
{
    private const string Schedule = "io.kestra.plugin.core.trigger.Schedule";

    private static readonly DateTimeOffset Next = new(2030, 1, 1, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Search_pages_with_a_separate_total_filters_by_namespace_prefix_flow_and_q_and_sorts()
    {
        var client = api.Client();
        var root = ApiHttp.UniqueNamespace("trs");
        await SaveScheduledFlowAsync($"{root}", "alpha");
        await SaveScheduledFlowAsync($"{root}.team", "beta");
        await SaveScheduledFlowAsync($"{root}.team", "gamma");
        await SeedAsync(root, "alpha", next: Next.AddHours(3));
        await SeedAsync($"{root}.team", "beta", next: Next.AddHours(1));
        await SeedAsync($"{root}.team", "gamma", next: Next.AddHours(2));

        var byDate = await (await client.GetAsync($"/api/v1/triggers/search?namespace={root}&sort=nextExecutionDate:desc&size=2&page=1")).JsonAsync();
        var second = await (await client.GetAsync($"/api/v1/main/triggers/search?namespace={root}&sort=nextExecutionDate:desc&size=2&page=2")).JsonAsync();
        var team = await (await client.GetAsync($"/api/v1/triggers/search?filters[namespace][PREFIX]={root}.team&sort=flowId:asc")).JsonAsync();
        var q = await (await client.GetAsync($"/api/v1/triggers/search?namespace={root}&q=AMM")).JsonAsync();
        var flow = await (await client.GetAsync($"/api/v1/triggers/search?namespace={root}&flowId=alpha")).JsonAsync();

        Assert.Equal(3, (long)byDate["total"]!);
        Assert.Equal(["alpha", "gamma"], FlowIds(byDate));
        Assert.Equal(3, (long)second["total"]!);
        Assert.Equal(["beta"], FlowIds(second));
        Assert.Equal(["beta", "gamma"], FlowIds(team));
        Assert.Equal(["gamma"], FlowIds(q));
        Assert.Equal(["alpha"], FlowIds(flow));

        var item = byDate["results"]![0]!;
        Assert.Equal(root, (string)item["triggerContext"]!["namespace"]!);
        Assert.Equal("schedule", (string)item["triggerContext"]!["triggerId"]!);
        Assert.Equal(Next.AddHours(3), (DateTimeOffset)item["triggerContext"]!["nextExecutionDate"]!);
        Assert.False((bool)item["triggerContext"]!["disabled"]!);
        Assert.Null(item["triggerContext"]!["backfill"]);
        Assert.True(item["triggerContext"]!.AsObject().ContainsKey("executionId"));
        Assert.Equal(Schedule, (string)item["abstractTrigger"]!["type"]!);
        Assert.Equal("0 * * * *", (string)item["abstractTrigger"]!["cron"]!);
    }

    [Fact]
    public async Task The_triggers_of_one_flow_are_listed_flat_and_paged_and_an_unknown_flow_is_404()
    {
        var client = api.Client();
        var ns = ApiHttp.UniqueNamespace("trf");
        await SaveScheduledFlowAsync(ns, "daily");
        await SeedAsync(ns, "daily", "a");
        await SeedAsync(ns, "daily", "b");
        await SaveScheduledFlowAsync(ns, "other");
        await SeedAsync(ns, "other", "a");

        var page = await (await client.GetAsync($"/api/v1/triggers/{ns}/daily?size=1&page=2&sort=triggerId:asc")).JsonAsync();

        Assert.Equal(2, (long)page["total"]!);
        Assert.Equal("b", (string)page["results"]![0]!["triggerId"]!);
        Assert.Equal("daily", (string)page["results"]![0]!["flowId"]!);
        await (await client.GetAsync($"/api/v1/main/triggers/{ns}/nothing")).ProblemAsync(HttpStatusCode.NotFound, "nothing");
    }

    [Fact]
    public async Task Unlocking_a_locked_schedule_clears_its_execution_and_keeps_its_next_date_then_answers_409_and_404_for_unknown()
    {
        var client = api.Client();
        var ns = ApiHttp.UniqueNamespace("tru");
        await SaveScheduledFlowAsync(ns, "locked");
        await SeedAsync(ns, "locked", next: Next, executionId: "exec123");

        var unlocked = await (await client.PostJsonAsync($"/api/v1/triggers/{ns}/locked/schedule/unlock", "")).JsonAsync();

        Assert.Null(unlocked["executionId"]);
        Assert.Equal(Next, (DateTimeOffset)unlocked["nextExecutionDate"]!);
        var row = await RowAsync(ns, "locked");
        Assert.Equal((null, null, Next), (row.ExecutionId, row.LockedAt, row.NextExecutionDate));
        await (await client.PostJsonAsync($"/api/v1/triggers/{ns}/locked/schedule/unlock", "")).ProblemAsync(HttpStatusCode.Conflict, "not locked");
        await (await client.PostJsonAsync($"/api/v1/triggers/{ns}/locked/nope/unlock", "")).ProblemAsync(HttpStatusCode.NotFound, "nope");
    }

    [Fact]
    public async Task Unlocking_a_polling_trigger_being_evaluated_clears_its_evaluation_and_restart_does_too()
    {
        var client = api.Client();
        var ns = ApiHttp.UniqueNamespace("trp");
        await SaveScheduledFlowAsync(ns, "poll");
        await SeedAsync(ns, "poll", "http", type: "io.kestra.plugin.core.http.Trigger", evaluating: DateTimeOffset.UtcNow);
        await SeedAsync(ns, "poll", "http2", type: "io.kestra.plugin.core.http.Trigger", evaluating: DateTimeOffset.UtcNow);

        var unlocked = await (await client.PostJsonAsync($"/api/v1/triggers/{ns}/poll/http/unlock", "")).JsonAsync();
        var restarted = await (await client.PostJsonAsync($"/api/v1/triggers/{ns}/poll/http2/restart", "")).JsonAsync();

        Assert.Null(unlocked["evaluateRunningDate"]);
        Assert.Null(restarted["evaluateRunningDate"]);
        Assert.Null((await RowAsync(ns, "poll", "http2")).EvaluateRunningDate);
        await (await client.PostJsonAsync($"/api/v1/triggers/{ns}/poll/nope/restart", "")).ProblemAsync(HttpStatusCode.NotFound, "nope");
    }

    [Fact]
    public async Task Disabling_then_enabling_a_trigger_sets_the_row_the_scheduler_claims_by()
    {
        var client = api.Client();
        var ns = ApiHttp.UniqueNamespace("trd");
        await SaveScheduledFlowAsync(ns, "toggle");
        await SeedAsync(ns, "toggle", next: Next);

        var disabled = await (await PutAsync(client, "/api/v1/triggers", Key(ns, "toggle", """, "disabled": true"""))).JsonAsync();
        Assert.True((bool)disabled["disabled"]!);
        Assert.True((await RowAsync(ns, "toggle")).Disabled);

        var bulk = await (await client.PostJsonAsync("/api/v1/triggers/set-disabled/by-triggers",
            $$"""{"triggers": [{{Key(ns, "toggle")}}, {{Key(ns, "missing")}}], "disabled": false}""")).JsonAsync();
        Assert.Equal(1, (int)bulk["count"]!);
        var row = await RowAsync(ns, "toggle");
        Assert.False(row.Disabled);
        Assert.Equal(Next, row.NextExecutionDate);

        await (await PutAsync(client, "/api/v1/triggers", Key(ns, "missing", """, "disabled": true"""))).ProblemAsync(HttpStatusCode.NotFound, "missing");
    }

    [Fact]
    public async Task A_trigger_its_flow_disables_cannot_be_enabled_through_the_api()
    {
        var client = api.Client();
        var ns = ApiHttp.UniqueNamespace("trx");
        await SaveScheduledFlowAsync(ns, "off", "disabled: true");
        await SeedAsync(ns, "off", disabled: true);

        await (await PutAsync(client, "/api/v1/triggers", Key(ns, "off", """, "disabled": false"""))).ProblemAsync(HttpStatusCode.Conflict, "disabled in its flow");
        var bulk = await (await client.PostJsonAsync("/api/v1/triggers/set-disabled/by-triggers", $$"""{"triggers": [{{Key(ns, "off")}}], "disabled": false}""")).JsonAsync();

        Assert.Equal(0, (int)bulk["count"]!);
        Assert.True((await RowAsync(ns, "off")).Disabled);
    }

    [Fact]
    public async Task A_backfill_is_started_refused_twice_paused_unpaused_and_deleted()
    {
        var client = api.Client();
        var ns = ApiHttp.UniqueNamespace("trb");
        await SaveScheduledFlowAsync(ns, "back");
        await SeedAsync(ns, "back", next: Next);
        var backfill = """, "backfill": {"start": "2026-01-01T00:00:00Z", "end": "2026-01-01T05:00:00Z", "inputs": {"n": 1}, "labels": [{"key": "why", "value": "replay"}]}""";

        var started = await (await PutAsync(client, "/api/v1/triggers", Key(ns, "back", backfill))).JsonAsync();
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), (DateTimeOffset)started["backfill"]!["start"]!);
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 5, 0, 0, TimeSpan.Zero), (DateTimeOffset)started["backfill"]!["end"]!);
        Assert.Equal("replay", (string)started["backfill"]!["labels"]![0]!["value"]!);
        Assert.False((bool)started["backfill"]!["paused"]!);

        // The one under way sent back (as the UI does when it toggles disabled) is not a second backfill.
        var echoed = started.AsObject().DeepClone().AsObject();
        echoed["disabled"] = true;
        Assert.True((bool)(await (await PutAsync(client, "/api/v1/triggers", echoed.ToJsonString())).JsonAsync())["disabled"]!);
        await (await PutAsync(client, "/api/v1/triggers", Key(ns, "back", """, "backfill": {"start": "2025-01-01T00:00:00Z"}"""))).ProblemAsync(HttpStatusCode.Conflict, "under way");

        var paused = await (await PutAsync(client, "/api/v1/triggers/backfill/pause", started.ToJsonString())).JsonAsync();
        Assert.True((bool)paused["backfill"]!["paused"]!);
        var unpaused = await (await PutAsync(client, "/api/v1/main/triggers/backfill/unpause", Key(ns, "back"))).JsonAsync();
        Assert.False((bool)unpaused["backfill"]!["paused"]!);
        var deleted = await (await client.PostJsonAsync("/api/v1/triggers/backfill/delete", Key(ns, "back"))).JsonAsync();
        Assert.Null(deleted["backfill"]);
        Assert.Null((await RowAsync(ns, "back")).Backfill);

        await (await PutAsync(client, "/api/v1/triggers/backfill/pause", Key(ns, "back"))).ProblemAsync(HttpStatusCode.NotFound, "no backfill");
        await (await client.PostJsonAsync("/api/v1/triggers/backfill/delete", Key(ns, "back"))).ProblemAsync(HttpStatusCode.NotFound, "no backfill");
        await (await PutAsync(client, "/api/v1/triggers/backfill/unpause", Key(ns, "ghost"))).ProblemAsync(HttpStatusCode.NotFound, "ghost");
    }

    [Fact]
    public async Task A_backfill_without_an_end_runs_until_now_and_bad_backfills_are_422_naming_the_field()
    {
        var client = api.Client();
        var ns = ApiHttp.UniqueNamespace("trv");
        await SaveScheduledFlowAsync(ns, "check");
        await SeedAsync(ns, "check");
        await SeedAsync(ns, "check", "http", type: "io.kestra.plugin.core.http.Trigger");

        await (await PutAsync(client, "/api/v1/triggers", Key(ns, "check", """, "backfill": {"end": "2026-01-01T00:00:00Z"}"""))).ProblemAsync(HttpStatusCode.UnprocessableEntity, "backfill.start");
        await (await PutAsync(client, "/api/v1/triggers", Key(ns, "check", """, "backfill": {"start": "2026-01-02T00:00:00Z", "end": "2026-01-01T00:00:00Z"}"""))).ProblemAsync(HttpStatusCode.UnprocessableEntity, "backfill.end");
        await (await PutAsync(client, "/api/v1/triggers", Key(ns, "check", "http", """, "backfill": {"start": "2026-01-01T00:00:00Z"}"""))).ProblemAsync(HttpStatusCode.UnprocessableEntity, "backfill");
        Assert.Null((await RowAsync(ns, "check")).Backfill);

        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        var started = await (await PutAsync(client, "/api/v1/triggers", Key(ns, "check", """, "backfill": {"start": "2026-01-01T00:00:00Z", "end": null}"""))).JsonAsync();
        Assert.InRange((DateTimeOffset)started["backfill"]!["end"]!, before, DateTimeOffset.UtcNow.AddSeconds(1));
    }

    [Fact]
    public async Task Bad_bodies_and_parameters_are_400_or_422_naming_the_field_never_500()
    {
        var client = api.Client();
        var ns = ApiHttp.UniqueNamespace("tri");
        await SaveScheduledFlowAsync(ns, "bad");
        await SeedAsync(ns, "bad");

        await (await PutAsync(client, "/api/v1/triggers", Key(ns, "bad", """, "disabled": "yes"""))).ProblemAsync(HttpStatusCode.BadRequest, "disabled");
        await (await PutAsync(client, "/api/v1/triggers", Key(ns, "bad", """, "backfill": {"start": "last tuesday"}"""))).ProblemAsync(HttpStatusCode.BadRequest, "backfill.start");
        await (await PutAsync(client, "/api/v1/triggers", Key(ns, "bad", """, "backfill": {"start": "2026-01-01T00:00:00Z", "labels": 3}"""))).ProblemAsync(HttpStatusCode.BadRequest, "backfill.labels");
        await (await PutAsync(client, "/api/v1/triggers", """{"flowId": "bad", "triggerId": "schedule"}""")).ProblemAsync(HttpStatusCode.UnprocessableEntity, "namespace");
        await (await PutAsync(client, "/api/v1/triggers", "")).ProblemAsync(HttpStatusCode.BadRequest, "body");
        await (await PutAsync(client, "/api/v1/triggers", "{not json")).ProblemAsync(HttpStatusCode.BadRequest, "body");
        await (await PutAsync(client, "/api/v1/triggers/backfill/pause", "[]")).ProblemAsync(HttpStatusCode.BadRequest, "body");
        await (await client.PostJsonAsync("/api/v1/triggers/set-disabled/by-triggers", $$"""{"triggers": [{{Key(ns, "bad")}}]}""")).ProblemAsync(HttpStatusCode.UnprocessableEntity, "disabled");
        await (await client.PostJsonAsync("/api/v1/triggers/set-disabled/by-triggers", """{"triggers": [{"namespace": "x"}], "disabled": true}""")).ProblemAsync(HttpStatusCode.UnprocessableEntity, "triggers[0].flowId");
        await (await client.GetAsync("/api/v1/triggers/search?sort=cron:asc")).ProblemAsync(HttpStatusCode.BadRequest, "sort");
        await (await client.GetAsync("/api/v1/triggers/search?size=0")).ProblemAsync(HttpStatusCode.BadRequest, "size");
        await (await client.GetAsync("/api/v1/triggers/search?filters[state][EQUALS]=RUNNING")).ProblemAsync(HttpStatusCode.BadRequest, "filters[state][EQUALS]");
    }

    [Fact]
    public async Task Trigger_routes_refuse_anonymous_callers_with_401()
    {
        var anonymous = api.Anonymous();

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/triggers/search")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/main/triggers/a/b")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostJsonAsync("/api/v1/triggers/a/b/c/unlock", "")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PutAsync(anonymous, "/api/v1/triggers", Key("a", "b"))).StatusCode);
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_trigger_routes()
    {
        var document = await (await api.Client().GetAsync("/openapi/v1.json")).JsonAsync();

        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();
        Assert.Contains("/api/v1/triggers/search", paths);
        Assert.Contains("/api/v1/triggers", paths);
        Assert.Contains("/api/v1/main/triggers/{namespace}/{flowId}/{triggerId}/unlock", paths);
        Assert.Contains("/api/v1/triggers/backfill/delete", paths);
        Assert.Contains("/api/v1/triggers/set-disabled/by-triggers", paths);
    }

    private static List<string> FlowIds(JsonNode page) => [.. page["results"]!.AsArray().Select(r => (string)r!["triggerContext"]!["flowId"]!)];

    private static string Key(string ns, string flowId, string rest = "") => Key(ns, flowId, "schedule", rest);

    private static string Key(string ns, string flowId, string triggerId, string rest) =>
        $$"""{"namespace": "{{ns}}", "flowId": "{{flowId}}", "triggerId": "{{triggerId}}"{{rest}}}""";

    private static Task<HttpResponseMessage> PutAsync(HttpClient client, string path, string json) =>
        client.PutAsync(new Uri(path, UriKind.Relative), new StringContent(json, Encoding.UTF8, "application/json"));

    private async Task SaveScheduledFlowAsync(string ns, string id, string extra = "")
    {
        var yaml = ApiHttp.Flow(ns, id, extra + """

            triggers:
              - id: schedule
                type: io.kestra.plugin.core.trigger.Schedule
                cron: "0 * * * *"
            """);
        (await api.Client().PostYamlAsync("/api/v1/flows", yaml)).EnsureSuccessStatusCode();
    }

    // Stands in for the scheduler's trigger sync, which this fixture does not run.
    private async Task SeedAsync(string ns, string flowId, string triggerId = "schedule", string type = Schedule,
        DateTimeOffset? next = null, string? executionId = null, bool disabled = false, DateTimeOffset? evaluating = null)
    {
        await using var connection = new NpgsqlConnection(api.Database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "INSERT INTO triggers (namespace, flow_id, trigger_id, flow_revision, type, next_execution_date, execution_id, locked_at, evaluate_running_date, disabled, updated_at) " +
            "VALUES (@ns, @flow, @trigger, 1, @type, @next, @execution, CASE WHEN @execution IS NULL THEN NULL ELSE now() END, @evaluating, @disabled, now())", connection);
        command.Parameters.AddWithValue("ns", ns);
        command.Parameters.AddWithValue("flow", flowId);
        command.Parameters.AddWithValue("trigger", triggerId);
        command.Parameters.AddWithValue("type", type);
        command.Parameters.Add(new NpgsqlParameter("next", NpgsqlTypes.NpgsqlDbType.TimestampTz) { Value = (object?)next ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("execution", NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)executionId ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("evaluating", NpgsqlTypes.NpgsqlDbType.TimestampTz) { Value = (object?)evaluating ?? DBNull.Value });
        command.Parameters.AddWithValue("disabled", disabled);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<(string? ExecutionId, DateTimeOffset? LockedAt, DateTimeOffset? NextExecutionDate, DateTimeOffset? EvaluateRunningDate, bool Disabled, string? Backfill)> RowAsync(
        string ns, string flowId, string triggerId = "schedule")
    {
        await using var connection = new NpgsqlConnection(api.Database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT execution_id, locked_at, next_execution_date, evaluate_running_date, disabled, backfill::text FROM triggers WHERE namespace = @ns AND flow_id = @flow AND trigger_id = @trigger", connection);
        command.Parameters.AddWithValue("ns", ns);
        command.Parameters.AddWithValue("flow", flowId);
        command.Parameters.AddWithValue("trigger", triggerId);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), $"no trigger row {ns}.{flowId}.{triggerId}");
        return (reader.IsDBNull(0) ? null : reader.GetString(0), Date(reader, 1), Date(reader, 2), Date(reader, 3), reader.GetBoolean(4), reader.IsDBNull(5) ? null : reader.GetString(5));
    }

    private static DateTimeOffset? Date(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<DateTimeOffset>(ordinal);
}
