using Kite.Engine.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace Kite.Engine.Tests;

/// <summary>
/// A SECRET input is stored as cipher text, decrypted only where a task renders it, and masked in everything the
/// execution writes: its logs, the outputs of its tasks and of the flow, its labels, and a Subflow's child inputs.
/// </summary>
[Collection(EngineCollection.Name)]
public sealed class SecretInputTests(EngineFixture engine)
{
    private const string Password = "hunter22-as-an-input";

    [Fact]
    public async Task A_secret_input_is_stored_encrypted_usable_by_tasks_and_masked_in_logs_outputs_and_labels()
    {
        var execution = await engine.RunAsync("""
            id: secret-input
            namespace: kite.secrets
            inputs:
              - id: pw
                type: SECRET
            tasks:
              - id: log
                type: io.kestra.plugin.core.log.Log
                message: "pw is {{ inputs.pw }} ({{ inputs.pw | length }} characters)"
              - id: script
                type: io.kestra.plugin.scripts.shell.Commands
                env:
                  PW: "{{ inputs.pw }}"
                commands:
                  - '[ "$PW" = "hunter22-as-an-input" ] && echo "the script got it: $PW"'
              - id: label
                type: io.kestra.plugin.core.execution.Labels
                labels:
                  leaked: "{{ inputs.pw }}"
              - id: out
                type: io.kestra.plugin.core.output.OutputValues
                values:
                  copy: "{{ inputs.pw }}"
            outputs:
              - id: flowCopy
                type: STRING
                value: "{{ inputs.pw }}"
            """, new() { ["pw"] = Password });

        Assert.Equal("SUCCESS", execution.State);
        var logs = await engine.LogsAsync(execution.Id);
        Assert.Contains(logs, l => l.Message == $"pw is ****** ({Password.Length} characters)");
        Assert.Contains(logs, l => l.Message == "the script got it: ******");
        Assert.DoesNotContain(logs, l => l.Message.Contains(Password, StringComparison.Ordinal));
        Assert.Contains("\"copy\": \"******\"", execution.Run("out").Outputs, StringComparison.Ordinal);
        Assert.Contains("\"flowCopy\": \"******\"", execution.Outputs, StringComparison.Ordinal);

        await using var db = engine.Context();
        var row = await db.Executions.AsNoTracking().SingleAsync(e => e.Id == execution.Id);
        Assert.Contains("io.kestra.datatype:aes_encrypted", row.Inputs, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, row.Inputs!, StringComparison.Ordinal);
        Assert.Contains("{\"key\": \"leaked\", \"value\": \"******\"}", row.Labels, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, row.Outputs!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_secret_reaches_a_subflow_only_through_a_SECRET_input_and_a_plain_input_fails_the_task_naming_it()
    {
        await engine.SaveFlowAsync("""
            id: secret-child
            namespace: kite.secrets
            inputs:
              - id: token
                type: SECRET
            tasks:
              - id: use
                type: io.kestra.plugin.core.log.Log
                message: "child has {{ inputs.token }} of {{ inputs.token | length }} characters"
            """);
        await engine.SaveFlowAsync("""
            id: plain-child
            namespace: kite.secrets
            inputs:
              - id: token
                type: STRING
            tasks:
              - id: use
                type: io.kestra.plugin.core.log.Log
                message: "{{ inputs.token }}"
            """);

        var passed = await engine.RunAsync(Parent("secret-parent", "secret-child"), new() { ["pw"] = Password });
        var refused = await engine.RunAsync(Parent("plain-parent", "plain-child"), new() { ["pw"] = Password });

        Assert.Equal("SUCCESS", passed.State);
        var child = Assert.Single(await engine.ChildrenAsync(passed.Id));
        Assert.Contains(await engine.LogsAsync(child), l => l.Message == $"child has ****** of {Password.Length} characters");
        await using var db = engine.Context();
        Assert.DoesNotContain(Password, (await db.Executions.AsNoTracking().SingleAsync(e => e.Id == child)).Inputs!, StringComparison.Ordinal);

        Assert.Equal("FAILED", refused.State);
        Assert.Empty(await engine.ChildrenAsync(refused.Id));
        Assert.Contains(await engine.LogsAsync(refused.Id), l => l.Message.Contains(
            "input 'token' of flow kite.secrets.plain-child would receive a secret and store it as plain text; declare it type: SECRET", StringComparison.Ordinal));
    }

    private static string Parent(string id, string child) => $$$"""
        id: {{{id}}}
        namespace: kite.secrets
        inputs:
          - id: pw
            type: SECRET
        tasks:
          - id: call
            type: io.kestra.plugin.core.flow.Subflow
            namespace: kite.secrets
            flowId: {{{child}}}
            inputs:
              token: "{{ inputs.pw }}"
        """;
}
