using Kite.Engine.Tests.Fixtures;

namespace Kite.Engine.Tests;

/// <summary>
/// <c>secret()</c> reads the worker's configuration (<c>Kite:Secrets:NAME</c>, or Kestra's base64 <c>SECRET_NAME</c>),
/// and a value a task run read never reaches its log lines or its outputs: each occurrence is <c>******</c>.
/// </summary>
[Collection(EngineCollection.Name)]
public sealed class SecretTests(EngineFixture engine)
{
    [Fact]
    public async Task Secrets_are_readable_by_tasks_and_masked_in_their_logs_script_output_and_outputs()
    {
        var execution = await engine.RunAsync("""
            id: secrets
            namespace: kite.secrets
            tasks:
              - id: log
                type: io.kestra.plugin.core.log.Log
                message: "token is {{ secret('KITE_TEST_TOKEN') }} ({{ secret('KITE_TEST_TOKEN') | length }} characters)"
              - id: script
                type: io.kestra.plugin.scripts.shell.Commands
                env:
                  TOKEN: "{{ secret('KITE_TEST_BASE64') }}"
                commands:
                  - echo "env says $TOKEN"
                  - printf '::{"outputs":{"leak":"%s"}}::\n' "$(printf '%s' "$TOKEN" | sed 's/"/\\"/g')"
              - id: out
                type: io.kestra.plugin.core.output.OutputValues
                values:
                  copy: "{{ secret('KITE_TEST_TOKEN') }}"
                  length: "{{ secret('KITE_TEST_TOKEN') | length }}"
            """);

        Assert.Equal("SUCCESS", execution.State);
        var logs = await engine.LogsAsync(execution.Id);
        Assert.Contains(logs, l => l.Message == $"token is ****** ({EngineFixture.PlainSecretValue.Length} characters)");
        Assert.Contains(logs, l => l.Message == "env says ******");
        Assert.DoesNotContain(logs, l => l.Message.Contains(EngineFixture.PlainSecretValue, StringComparison.Ordinal) || l.Message.Contains("hunter2", StringComparison.Ordinal));
        Assert.DoesNotContain(logs, l => l.Message.Contains("quoted", StringComparison.Ordinal));
        Assert.Contains("******", execution.Run("script").Outputs, StringComparison.Ordinal);
        Assert.DoesNotContain("quoted", execution.Run("script").Outputs, StringComparison.Ordinal);
        Assert.Contains("\"copy\": \"******\"", execution.Run("out").Outputs, StringComparison.Ordinal);
        Assert.DoesNotContain(EngineFixture.PlainSecretValue, execution.Run("out").Outputs, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_secret_fails_its_task_naming_the_secret()
    {
        var execution = await engine.RunAsync("""
            id: missing-secret
            namespace: kite.secrets
            tasks:
              - id: log
                type: io.kestra.plugin.core.log.Log
                message: "{{ secret('NO_SUCH_SECRET') }}"
            """);

        Assert.Equal("FAILED", execution.State);
        Assert.Contains(await engine.LogsAsync(execution.Id), l => l.Message.Contains("secret 'NO_SUCH_SECRET' does not exist", StringComparison.Ordinal));
    }
}
