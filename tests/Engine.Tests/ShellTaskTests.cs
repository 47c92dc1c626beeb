using System.Text;
using Kite.Engine.Tests.Fixtures;
using Kite.Integration.Tests.Fixtures;

namespace Kite.Engine.Tests;

/// <summary>shell Commands and Script with the Process task runner, end to end.</summary>
[Collection(EngineCollection.Name)]
public sealed class ShellTaskTests(EngineFixture engine)
{
    [Fact]
    public async Task Commands_run_with_env_log_stdout_as_INFO_and_turn_protocol_lines_into_vars_and_metrics()
    {
        var execution = await engine.RunAsync("""
            id: shell-protocol
            namespace: company.scripts
            tasks:
              - id: sh
                type: io.kestra.plugin.scripts.shell.Commands
                taskRunner:
                  type: io.kestra.plugin.core.runner.Process
                env:
                  GREETING: "hello {{ flow.id }}"
                commands:
                  - echo "$GREETING"
                  - echo '::{"outputs":{"count":3,"name":"kite"}}::'
                  - echo '::{"metrics":[{"name":"rows","type":"counter","value":42,"tags":{"table":"orders"}},{"name":"load","type":"timer","value":1.5}]}::'
              - id: next
                type: io.kestra.plugin.core.debug.Return
                format: "{{ outputs.sh.vars.name }}-{{ outputs.sh.vars.count }}"
            """);

        Assert.Equal("SUCCESS", execution.State);
        var outputs = execution.Run("sh").Outputs();
        Assert.Equal(0L, outputs["exitCode"]);
        Assert.Equal("kite-3", execution.Run("next").Outputs()["value"]);
        var logs = (await engine.LogsAsync(execution.Id)).Where(l => l.TaskId == "sh").ToList();
        Assert.Equal([("INFO", "hello shell-protocol")], logs.Select(l => (l.Level, l.Message)));
        var metrics = await MigratedDatabase.QueryAsync(engine.Database,
            $"SELECT name, type, value, tags::text, task_run_id FROM metrics WHERE execution_id = '{execution.Id}' ORDER BY name",
            r => (r.GetString(0), r.GetString(1), r.GetDouble(2), r.IsDBNull(3) ? null : r.GetString(3), r.GetString(4)));
        Assert.Equal(
            [("load", "timer", 1.5, null, execution.Run("sh").Id), ("rows", "counter", 42d, """{"table": "orders"}""", execution.Run("sh").Id)],
            metrics);
    }

    [Fact]
    public async Task A_non_zero_exit_code_fails_the_task_with_the_code_and_the_last_stderr_lines()
    {
        var execution = await engine.RunAsync("""
            id: shell-exit
            namespace: company.scripts
            tasks:
              - id: sh
                type: io.kestra.plugin.scripts.shell.Commands
                commands:
                  - echo "disk is full" >&2
                  - exit 3
            """);

        Assert.Equal("FAILED", execution.State);
        var logs = await engine.LogsAsync(execution.Id);
        Assert.Contains(("ERROR", "disk is full", "sh"), logs);
        Assert.Contains(logs, l => l.Level == "ERROR" && l.Message.Contains("exited with code 3: disk is full", StringComparison.Ordinal));
    }

    [Fact]
    public async Task With_failFast_the_first_failing_command_stops_the_script()
    {
        var execution = await engine.RunAsync("""
            id: shell-failfast
            namespace: company.scripts
            tasks:
              - id: sh
                type: io.kestra.plugin.scripts.shell.Commands
                commands:
                  - "false"
                  - echo never
            """);

        Assert.Equal("FAILED", execution.State);
        Assert.DoesNotContain(await engine.LogsAsync(execution.Id), l => l.Message == "never");
    }

    [Fact]
    public async Task Writing_to_stderr_ends_the_task_in_WARNING_unless_warningOnStdErr_is_false()
    {
        var execution = await engine.RunAsync("""
            id: shell-stderr
            namespace: company.scripts
            tasks:
              - id: warned
                type: io.kestra.plugin.scripts.shell.Commands
                commands:
                  - echo "careful" >&2
              - id: quiet
                type: io.kestra.plugin.scripts.shell.Commands
                warningOnStdErr: false
                commands:
                  - echo "careful" >&2
            """);

        Assert.Equal("WARNING", execution.Run("warned").State);
        Assert.Equal("SUCCESS", execution.Run("quiet").State);
        Assert.Equal("WARNING", execution.State);
    }

    [Fact]
    public async Task Input_files_are_written_into_the_working_directory_output_files_are_uploaded_and_the_directory_is_deleted_after()
    {
        var execution = await engine.RunAsync("""
            id: shell-files
            namespace: company.scripts
            tasks:
              - id: write
                type: io.kestra.plugin.core.storage.Write
                content: "from storage"
              - id: sh
                type: io.kestra.plugin.scripts.shell.Script
                inputFiles:
                  data.txt: "{{ flow.id }}"
                  stored.txt: "{{ outputs.write.uri }}"
                outputFiles:
                  - "out/*.txt"
                beforeCommands:
                  - mkdir -p out
                script: |
                  pwd
                  tr a-z A-Z < data.txt > out/upper.txt
                  cat stored.txt > out/copy.txt
                  echo ignored > out/skip.csv
            """);

        Assert.Equal("SUCCESS", execution.State);
        var files = (Dictionary<string, object?>)execution.Run("sh").Outputs()["outputFiles"]!;
        Assert.Equal(["out/copy.txt", "out/upper.txt"], files.Keys.Order());
        Assert.Equal("SHELL-FILES", Encoding.UTF8.GetString((await engine.ReadFileAsync((string)files["out/upper.txt"]!))!));
        Assert.Equal("from storage", Encoding.UTF8.GetString((await engine.ReadFileAsync((string)files["out/copy.txt"]!))!));
        var workingDirectory = (await engine.LogsAsync(execution.Id)).Single(l => l.TaskId == "sh").Message;
        Assert.StartsWith(Path.GetTempPath().TrimEnd('/'), workingDirectory, StringComparison.Ordinal);
        Assert.False(Directory.Exists(workingDirectory));
    }

    [Fact]
    public async Task A_timeout_kills_the_script_and_every_process_it_started()
    {
        var execution = await engine.RunAsync("""
            id: shell-timeout
            namespace: company.scripts
            tasks:
              - id: sh
                type: io.kestra.plugin.scripts.shell.Commands
                timeout: PT2S
                commands:
                  - sleep 600 &
                  - echo "child $!"
                  - sleep 600
            """);

        Assert.Equal("FAILED", execution.State);
        var logs = await engine.LogsAsync(execution.Id);
        Assert.Contains(logs, l => l.Message.Contains("timed out after PT2S", StringComparison.Ordinal));
        var child = logs.Single(l => l.Message.StartsWith("child ", StringComparison.Ordinal)).Message["child ".Length..];
        await Eventually.BecomesAsync(() => Task.FromResult(Directory.Exists($"/proc/{child}")), alive => !alive, $"background process {child} is gone");
    }

    [Fact]
    public async Task A_custom_interpreter_runs_the_script()
    {
        var execution = await engine.RunAsync("""
            id: shell-interpreter
            namespace: company.scripts
            tasks:
              - id: sh
                type: io.kestra.plugin.scripts.shell.Script
                interpreter: ["/bin/bash", "-c"]
                script: |
                  words=(a b c)
                  n=$(printf '%s\n' "${words[@]}" | wc -l)
                  echo "::{\"outputs\":{\"n\":$n}}::"
            """);

        Assert.Equal("SUCCESS", execution.State);
        Assert.Equal(3L, ((Dictionary<string, object?>)execution.Run("sh").Outputs()["vars"]!)["n"]);
    }
}
