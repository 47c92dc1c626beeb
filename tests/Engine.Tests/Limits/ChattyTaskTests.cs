using System.Globalization;
using Kite.Engine.Tests.Fixtures;
using Kite.Integration.Tests.Fixtures;
using Xunit.Abstractions;

namespace Kite.Engine.Tests.Limits;

/// <summary>
/// A task that logs 100,000 lines keeps every one, in order (Kite has no log limit, as Kestra has none: retention and
/// PurgeLogs bound the table), and the worker runs other task runs meanwhile.
/// </summary>
[Collection(EngineCollection.Name)]
public sealed class ChattyTaskTests(EngineFixture engine, ITestOutputHelper output)
{
    private const int Lines = 100_000;

    [Fact]
    public async Task A_script_printing_100000_lines_succeeds_with_every_line_logged_in_order_while_another_flow_runs()
    {
        var started = DateTimeOffset.UtcNow;
        var chatty = await engine.StartAsync($"""
            id: chatty-script
            namespace: kite.limits
            tasks:
              - id: sh
                type: io.kestra.plugin.scripts.shell.Commands
                commands:
                  - seq 1 {Lines}
            """);
        var meanwhile = await engine.RunAsync("""
            id: chatty-neighbour
            namespace: kite.limits
            tasks:
              - id: hello
                type: io.kestra.plugin.core.log.Log
                message: still here
            """);

        var execution = await engine.WaitForEndAsync(chatty, TimeSpan.FromMinutes(3));
        output.WriteLine($"{Lines:N0} lines: {execution.State} after {(DateTimeOffset.UtcNow - started).TotalSeconds:F1} s (execution {execution.DurationMs} ms)");

        Assert.Equal("SUCCESS", meanwhile.State);
        Assert.Equal("SUCCESS", execution.State);
        var logs = await engine.LogsAsync(chatty);
        Assert.Equal(Lines, logs.Count);
        Assert.All(logs, l => Assert.Equal(("INFO", "sh"), (l.Level, l.TaskId)));
        Assert.Equal(Enumerable.Range(1, Lines).Select(i => i.ToString(CultureInfo.InvariantCulture)), logs.Select(l => l.Message));
    }

    [Fact]
    public async Task A_log_task_of_1000_messages_in_a_100_value_loop_succeeds_with_its_100000_lines_logged()
    {
        var messages = string.Join('\n', Enumerable.Range(1, 1000).Select(i => $"                  - \"{{{{ taskrun.value }}}}-{i}\""));
        var started = DateTimeOffset.UtcNow;
        var execution = await engine.RunAsync($$$"""
            id: chatty-log-loop
            namespace: kite.limits
            tasks:
              - id: each
                type: io.kestra.plugin.core.flow.ForEach
                values: "{{ range(1, 100) }}"
                concurrencyLimit: 4
                tasks:
                  - id: log
                    type: io.kestra.plugin.core.log.Log
                    message:
            {{{messages}}}
            """, timeout: TimeSpan.FromMinutes(3));
        output.WriteLine($"100 x 1,000-message Log: {execution.State} after {(DateTimeOffset.UtcNow - started).TotalSeconds:F1} s (execution {execution.DurationMs} ms)");

        Assert.Equal("SUCCESS", execution.State);
        var counts = await MigratedDatabase.QueryAsync(engine.Database,
            $"SELECT count(*), count(DISTINCT message), count(DISTINCT task_run_id) FROM logs WHERE execution_id = '{execution.Id}'",
            r => (Rows: r.GetInt64(0), Messages: r.GetInt64(1), TaskRuns: r.GetInt64(2)));
        Assert.Equal((100_000L, 100_000L, 100L), counts.Single());
    }
}
