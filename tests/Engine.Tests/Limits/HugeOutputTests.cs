using Kite.Engine.Tests.Fixtures;
using Xunit.Abstractions;

namespace Kite.Engine.Tests.Limits;

/// <summary>
/// A task whose outputs are far past <c>Kite:Worker:MaxOutputBytes</c> (10 MiB) fails with a message naming the limit,
/// and the engine goes on; a file of the same size goes to internal storage and succeeds.
/// </summary>
[Collection(EngineCollection.Name)]
public sealed class HugeOutputTests(EngineFixture engine, ITestOutputHelper output)
{
    private const int FiftyMegabytes = 50 * 1024 * 1024;
    private const string LimitName = "Kite:Worker:MaxOutputBytes";

    [Fact]
    public async Task A_50_MB_output_line_of_a_script_fails_its_task_naming_the_limit_and_the_next_flow_still_succeeds()
    {
        var execution = await RunAsync("huge-output-line", $$$"""
              - id: sh
                type: io.kestra.plugin.scripts.shell.Commands
                commands:
                  - printf '::{"outputs":{"big":"'
                  - head -c {{{FiftyMegabytes}}} /dev/zero | tr '\0' x
                  - printf '"}}::\n'
            """);

        await AssertFailedNamingTheLimitAsync(execution, "sh");
        Assert.DoesNotContain(await engine.LogsAsync(execution.Id), l => l.Message.StartsWith("::{", StringComparison.Ordinal));
        await AssertTheEngineStillRunsAFlowAsync();
    }

    [Fact]
    public async Task Fifty_1_MB_output_lines_of_a_script_fail_its_task_naming_the_limit()
    {
        var execution = await RunAsync("huge-output-lines", """
              - id: sh
                type: io.kestra.plugin.scripts.shell.Commands
                commands:
                  - |
                    for i in $(seq 1 50); do
                      printf '::{"outputs":{"v%s":"' "$i"
                      head -c 1000000 /dev/zero | tr '\0' x
                      printf '"}}::\n'
                    done
            """);

        await AssertFailedNamingTheLimitAsync(execution, "sh");
        await AssertTheEngineStillRunsAFlowAsync();
    }

    [Fact]
    public async Task OutputValues_rendering_50_MB_fail_naming_the_limit_and_the_next_flow_still_succeeds()
    {
        var execution = await RunAsync("huge-output-values", $$$"""
              - id: sh
                type: io.kestra.plugin.scripts.shell.Commands
                outputFiles: ["part.txt"]
                commands:
                  - head -c {{{FiftyMegabytes / 4}}} /dev/zero | tr '\0' x > part.txt
              - id: values
                type: io.kestra.plugin.core.output.OutputValues
                values:
                  a: "{{ read(outputs.sh.outputFiles['part.txt']) }}"
                  b: "{{ read(outputs.sh.outputFiles['part.txt']) }}"
                  c: "{{ read(outputs.sh.outputFiles['part.txt']) }}"
                  d: "{{ read(outputs.sh.outputFiles['part.txt']) }}"
            """);

        Assert.Equal("SUCCESS", execution.Run("sh").State);
        await AssertFailedNamingTheLimitAsync(execution, "values");
        await AssertTheEngineStillRunsAFlowAsync();
    }

    [Fact]
    public async Task A_50_MB_output_file_of_a_script_is_stored_and_its_task_succeeds()
    {
        var execution = await RunAsync("huge-output-file", $$$"""
              - id: sh
                type: io.kestra.plugin.scripts.shell.Commands
                outputFiles: ["big.bin"]
                commands:
                  - head -c {{{FiftyMegabytes}}} /dev/urandom > big.bin
              - id: size
                type: io.kestra.plugin.core.debug.Return
                format: "{{ fileSize(outputs.sh.outputFiles['big.bin']) }}"
            """);

        Assert.Equal("SUCCESS", execution.State);
        Assert.Equal(FiftyMegabytes.ToString(System.Globalization.CultureInfo.InvariantCulture), execution.Run("size").Outputs()["value"]);
        var uri = (string)((Dictionary<string, object?>)execution.Run("sh").Outputs()["outputFiles"]!)["big.bin"]!;
        Assert.Equal(FiftyMegabytes, (await engine.ReadFileAsync(uri))!.Length);
    }

    private async Task<ExecutionView> RunAsync(string flowId, string tasks)
    {
        var started = DateTimeOffset.UtcNow;
        var execution = await engine.RunAsync($"""
            id: {flowId}
            namespace: kite.limits
            tasks:
            {tasks}
            """, timeout: TimeSpan.FromMinutes(2));
        output.WriteLine($"{flowId}: {execution.State} after {(DateTimeOffset.UtcNow - started).TotalSeconds:F1} s");
        return execution;
    }

    private async Task AssertFailedNamingTheLimitAsync(ExecutionView execution, string taskId)
    {
        Assert.Equal("FAILED", execution.State);
        Assert.Equal("FAILED", execution.Run(taskId).State);
        Assert.Null(execution.Run(taskId).Outputs);
        var error = Assert.Single(await engine.LogsAsync(execution.Id), l => l.Level == "ERROR" && l.TaskId == taskId);
        output.WriteLine(error.Message);
        Assert.Contains(LimitName, error.Message, StringComparison.Ordinal);
    }

    private async Task AssertTheEngineStillRunsAFlowAsync()
    {
        var execution = await engine.RunAsync("""
            id: after-huge-output
            namespace: kite.limits
            tasks:
              - id: hello
                type: io.kestra.plugin.core.debug.Return
                format: still here
            """);

        Assert.Equal("SUCCESS", execution.State);
        Assert.Equal("still here", execution.Run("hello").Outputs()["value"]);
    }
}
