using System.Net;
using System.Text.Json.Nodes;
using Kite.Api.Tests.Fixtures;
using Kite.Integration.Tests.Fixtures;
using Kite.Messaging.Contracts;
using Npgsql;
using static Kite.Api.Tests.Fixtures.ApiHttp;

namespace Kite.Api.Tests.Executions;

/// <summary>Kill, restart, resume, replay and labels: what the Api checks itself, and the command it sends the executor.</summary>
[Collection(ApiCollection.Name)]
public sealed class ExecutionControlApiTests(ApiFixture api)
{
    private readonly HttpClient client = api.Client();

    [Fact]
    public async Task Kill_answers_202_and_sends_KillExecution_or_409_once_the_execution_ended()
    {
        var id = await ExecutionAsync("");
        var path = new Uri($"/api/v1/executions/{id}/kill", UriKind.Relative);

        Assert.Equal(HttpStatusCode.Accepted, (await client.DeleteAsync(path)).StatusCode);
        await Eventually.BecomesAsync(() => Task.FromResult(api.Recorded.Of<KillExecution>().Any(k => k.ExecutionId == id)), seen => seen, "KillExecution is received");

        await SetStateAsync(id, "SUCCESS");
        await (await client.DeleteAsync(path)).ProblemAsync(HttpStatusCode.Conflict, "SUCCESS");
        await (await client.DeleteAsync(new Uri("/api/v1/executions/nope/kill", UriKind.Relative))).ProblemAsync(HttpStatusCode.NotFound, "nope");
    }

    [Fact]
    public async Task Restart_is_refused_for_a_successful_execution_and_sent_for_a_failed_one()
    {
        var id = await ExecutionAsync("");
        await SetStateAsync(id, "SUCCESS");
        await (await client.PostAsync(new Uri($"/api/v1/main/executions/{id}/restart", UriKind.Relative), null)).ProblemAsync(HttpStatusCode.Conflict, "SUCCESS");

        await SetStateAsync(id, "FAILED");
        var response = await client.PostAsync(new Uri($"/api/v1/executions/{id}/restart", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await Eventually.BecomesAsync(() => Task.FromResult(api.Recorded.Of<RestartExecution>().Any(r => r.ExecutionId == id)), seen => seen, "RestartExecution is received");
    }

    [Fact]
    public async Task Resume_checks_the_inputs_against_the_Pause_onResume_definitions()
    {
        var id = await ExecutionAsync("""
            tasks:
              - id: approve
                type: io.kestra.plugin.core.flow.Pause
                onResume:
                  - id: approved
                    type: BOOLEAN
            """, tasks: false);
        var path = $"/api/v1/executions/{id}/resume";
        await (await client.PostJsonAsync(path, "{}")).ProblemAsync(HttpStatusCode.Conflict, "CREATED");

        await SetStateAsync(id, "PAUSED");
        await InsertTaskRunAsync(id, "approve", "PAUSED");
        await (await client.PostJsonAsync(path, "{}")).ProblemAsync(HttpStatusCode.UnprocessableEntity, "approved");
        await (await client.PostJsonAsync(path, """{"approved": "maybe"}""")).ProblemAsync(HttpStatusCode.UnprocessableEntity, "approved");

        Assert.Equal(HttpStatusCode.NoContent, (await client.PostJsonAsync(path, """{"approved": "true"}""")).StatusCode);
        var resume = await Eventually.BecomesAsync(() => Task.FromResult(api.Recorded.Of<ResumeExecution>().FirstOrDefault(r => r.ExecutionId == id)), r => r is not null, "ResumeExecution is received");
        Assert.True((bool)JsonNode.Parse(resume!.Inputs!)!["approved"]!);
    }

    [Fact]
    public async Task Replay_from_a_task_run_creates_a_new_execution_keeping_the_runs_before_it()
    {
        var id = await ExecutionAsync("");
        await InsertTaskRunAsync(id, "hello", "SUCCESS", position: 0);
        var second = await InsertTaskRunAsync(id, "hello2", "FAILED", position: 1);
        await (await client.PostAsync(new Uri($"/api/v1/executions/{id}/replay", UriKind.Relative), null)).ProblemAsync(HttpStatusCode.Conflict, "CREATED");
        await SetStateAsync(id, "FAILED");

        await (await client.PostAsync(new Uri($"/api/v1/executions/{id}/replay?taskRunId=nope", UriKind.Relative), null)).ProblemAsync(HttpStatusCode.UnprocessableEntity, "taskRunId");
        var replay = await (await client.PostAsync(new Uri($"/api/v1/executions/{id}/replay?taskRunId={second}", UriKind.Relative), null)).JsonAsync();

        var replayId = (string)replay["id"]!;
        Assert.NotEqual(id, replayId);
        Assert.Equal(id, (string)replay["originalId"]!);
        Assert.Equal("CREATED", (string)replay["state"]!["current"]!);
        Assert.Equal(["hello"], replay["taskRunList"]!.AsArray().Select(t => (string)t!["taskId"]!));
        Assert.Contains(replay["labels"]!.AsArray(), l => (string)l!["key"]! == "system.replay");
        await Eventually.BecomesAsync(() => Task.FromResult(api.Recorded.Of<ExecutionCreated>().Any(c => c.ExecutionId == replayId)), seen => seen, "ExecutionCreated of the replay is received");
    }

    [Fact]
    public async Task Labels_are_validated_then_sent_to_the_executor()
    {
        var id = await ExecutionAsync("");
        var path = $"/api/v1/executions/{id}/labels";

        await (await client.PostJsonAsync(path, "{not json")).ProblemAsync(HttpStatusCode.BadRequest, "labels");
        await (await client.PostJsonAsync(path, """[{"key": "", "value": "x"}]""")).ProblemAsync(HttpStatusCode.BadRequest, "labels");
        await (await client.PostJsonAsync(path, """[{"key": "system.replay", "value": "x"}]""")).ProblemAsync(HttpStatusCode.BadRequest, "system.");
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostJsonAsync(path, """[{"key": "team", "value": "ops"}]""")).StatusCode);

        var change = await Eventually.BecomesAsync(() => Task.FromResult(api.Recorded.Of<ChangeExecutionLabels>().FirstOrDefault(c => c.ExecutionId == id)), c => c is not null, "ChangeExecutionLabels is received");
        Assert.Equal("ops", (string)JsonNode.Parse(change!.Labels)!["team"]!);
    }

    private async Task<string> ExecutionAsync(string extra, bool tasks = true)
    {
        var ns = UniqueNamespace();
        var yaml = tasks ? Flow(ns, "control", extra) : $"id: control\nnamespace: {ns}\n{extra}";
        await (await client.PostYamlAsync("/api/v1/flows", yaml)).JsonAsync();
        var execution = await (await client.PostAsync(new Uri($"/api/v1/executions/{ns}/control", UriKind.Relative), null)).JsonAsync();
        return (string)execution["id"]!;
    }

    // Stands in for the executor, the only writer of an execution after CREATED.
    private async Task SetStateAsync(string id, string state)
    {
        await using var connection = new NpgsqlConnection(api.Database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("UPDATE executions SET state = @state, state_history = jsonb_build_array(jsonb_build_object('state', @state, 'date', now())) WHERE id = @id", connection);
        command.Parameters.AddWithValue("state", state);
        command.Parameters.AddWithValue("id", id);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<string> InsertTaskRunAsync(string executionId, string taskId, string state, int position = 0)
    {
        var id = $"{executionId}-{taskId}";
        await using var connection = new NpgsqlConnection(api.Database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "INSERT INTO task_runs (id, execution_id, position, task_id, state, state_history, attempts, start_date) " +
            "VALUES (@id, @execution, @position, @task, @state, jsonb_build_array(jsonb_build_object('state', @state, 'date', now())), '[]', now())",
            connection);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("execution", executionId);
        command.Parameters.AddWithValue("position", position);
        command.Parameters.AddWithValue("task", taskId);
        command.Parameters.AddWithValue("state", state);
        await command.ExecuteNonQueryAsync();
        return id;
    }
}
