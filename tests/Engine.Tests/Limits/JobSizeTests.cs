using Kite.Engine.Tests.Fixtures;

namespace Kite.Engine.Tests.Limits;

/// <summary>
/// The test broker refuses messages over 16 MiB, as RabbitMQ 4 does by default. A task whose variables (the outputs it
/// reads) stay under <c>Kite:Executor:MaxJobBytes</c> runs; one whose variables would pass it fails naming the outputs
/// it reads, instead of a job that the broker can never take.
/// </summary>
[Collection(EngineCollection.Name)]
public sealed class JobSizeTests(EngineFixture engine)
{
    private const int SixMegabytes = 6 * 1000 * 1000;

    [Fact]
    public async Task A_task_reading_6_MB_of_outputs_runs_and_one_reading_18_MB_fails_naming_the_outputs_and_the_setting()
    {
        var execution = await engine.RunAsync($$$"""
            id: job-size
            namespace: kite.limits
            tasks:
              - id: a
                type: io.kestra.plugin.scripts.shell.Commands
                commands: [{{{Big}}}]
              - id: b
                type: io.kestra.plugin.scripts.shell.Commands
                commands: [{{{Big}}}]
              - id: c
                type: io.kestra.plugin.scripts.shell.Commands
                commands: [{{{Big}}}]
              - id: one
                type: io.kestra.plugin.core.log.Log
                message: "a has {{ outputs.a.vars.big | length }} characters"
              - id: all
                type: io.kestra.plugin.core.log.Log
                message: "{{ outputs.a.vars.big | length }} {{ outputs.b.vars.big | length }} {{ outputs.c.vars.big | length }}"
            """, timeout: TimeSpan.FromMinutes(2));

        var logs = await engine.LogsAsync(execution.Id);
        Assert.Equal("FAILED", execution.State);
        Assert.True(execution.Run("one").State == "SUCCESS", string.Join("\n", logs.Select(l => $"{l.TaskId} {l.Level} {l.Message[..Math.Min(300, l.Message.Length)]}")));
        Assert.Equal("FAILED", execution.Run("all").State);
        Assert.Contains(logs, l => l.Message == $"a has {SixMegabytes} characters");
        var failure = Assert.Single(logs, l => l.TaskId == "all" && l.Level == "ERROR").Message;
        Assert.Contains("Kite:Executor:MaxJobBytes", failure, StringComparison.Ordinal);
        Assert.Contains("it reads the outputs of a, b, c", failure, StringComparison.Ordinal);
    }

    private static string Big => $$$"""'printf "::{\"outputs\":{\"big\":\"%s\"}}::\n" "$(head -c {{{SixMegabytes}}} /dev/zero | tr "\0" a)"'""";
}
