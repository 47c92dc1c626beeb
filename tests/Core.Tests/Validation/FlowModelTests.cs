using Kite.Core.Flows;
using Kite.Core.Flows.Retries;
using Kite.Core.Tasks;
using Kite.Core.Tasks.Debug;
using Kite.Core.Tasks.ExecutionControl;
using Kite.Core.Tasks.Flowable;
using Kite.Core.Tasks.Logs;
using Kite.Core.Tasks.Scripts;
using Kite.Core.Triggers;
using Assert = Xunit.Assert;

namespace Kite.Core.Tests.Validation;

public class FlowModelTests
{
    private static Flow Valid(string yaml)
    {
        var document = FlowReader.ReadOne(yaml);
        Assert.Empty(document.Violations);
        return document.Flow!;
    }

    [Fact]
    public void Every_top_level_key_of_Kestra_1_1_is_read()
    {
        var flow = Valid("""
            id: full
            namespace: company.team
            revision: 3
            description: all keys
            labels:
              env: prod
            inputs:
              - id: name
                type: STRING
                defaults: world
            variables:
              greeting: hello
            tasks:
              - id: hello
                type: io.kestra.plugin.core.log.Log
                message: "{{ vars.greeting }} {{ inputs.name }}"
            errors:
              - id: on-error
                type: io.kestra.plugin.core.log.Log
                message: failed
            finally:
              - id: always
                type: io.kestra.plugin.core.log.Log
                message: done
            afterExecution:
              - id: after
                type: io.kestra.plugin.core.output.OutputValues
                values:
                  state: "{{ execution.state }}"
            triggers:
              - id: daily
                type: io.kestra.plugin.core.trigger.Schedule
                cron: "0 9 * * MON-FRI"
            outputs:
              - id: result
                type: STRING
                value: "{{ inputs.name }}"
            concurrency:
              limit: 2
              behavior: CANCEL
            retry:
              type: exponential
              interval: PT1S
              maxInterval: PT1M
              maxAttempts: 3
            disabled: false
            pluginDefaults:
              - type: io.kestra.plugin.core.log.Log
                values:
                  level: WARN
            taskDefaults:
              - type: io.kestra.plugin.core.log.Log
                forced: true
                values:
                  level: ERROR
            sla:
              - id: max
                type: MAX_DURATION
                behavior: FAIL
                duration: PT1H
            """);

        Assert.Equal(("full", "company.team", 3), (flow.Id, flow.Namespace, flow.Revision));
        Assert.Equal([new Label("env", "prod")], flow.Labels);
        Assert.Equal("hello", flow.Variables!["greeting"]);
        Assert.Equal(["hello", "on-error", "always", "after"], flow.AllTasks().Select(t => t.Id));
        Assert.Equal(ConcurrencyBehavior.Cancel, flow.Concurrency!.Behavior);
        Assert.IsType<ExponentialRetry>(flow.Retry);
        Assert.Equal(2, flow.AllPluginDefaults().Count());
        Assert.Equal(SlaType.MaxDuration, flow.Sla![0].Type);
        Assert.Equal("0 9 * * MON-FRI", Assert.IsType<Schedule>(flow.Triggers![0]).Cron);
    }

    [Fact]
    public void Labels_may_be_a_list_of_key_and_value()
    {
        var flow = Valid("id: f\nnamespace: n\nlabels:\n  - key: team\n    value: data\ntasks:\n  - id: t\n    type: io.kestra.plugin.core.debug.Return\n");

        Assert.Equal([new Label("team", "data")], flow.Labels);
    }

    [Fact]
    public void Common_task_properties_are_read_on_any_task()
    {
        var flow = Valid("""
            id: f
            namespace: n
            tasks:
              - id: t
                type: io.kestra.plugin.core.debug.Return
                description: d
                format: x
                timeout: PT10M
                disabled: true
                logLevel: DEBUG
                allowFailure: true
                allowWarning: true
                runIf: "{{ true }}"
                retry:
                  type: constant
                  interval: PT5S
                  maxAttempts: 2
                  behavior: CREATE_NEW_EXECUTION
            """);

        var task = Assert.IsType<Return>(flow.Tasks[0]);
        Assert.Equal(("PT10M", true, LogLevel.Debug, true, true, "{{ true }}"), (task.Timeout, task.Disabled, task.LogLevel, task.AllowFailure, task.AllowWarning, task.RunIf));
        var retry = Assert.IsType<ConstantRetry>(task.Retry);
        Assert.Equal(RetryBehavior.CreateNewExecution, retry.Behavior);
        Assert.Equal(TaskKind.Runnable, task.Kind);
    }

    [Theory]
    [InlineData("io.kestra.core.tasks.log.Log", typeof(Log))]
    [InlineData("io.kestra.plugin.core.log.Log", typeof(Log))]
    [InlineData("io.kestra.core.tasks.flows.Sequential", typeof(Sequential))]
    [InlineData("io.kestra.plugin.core.flow.WaitFor", typeof(LoopUntil))]
    [InlineData("io.kestra.core.tasks.flows.Flow", typeof(Subflow))]
    [InlineData("io.kestra.plugin.fs.http.Request", typeof(Kite.Core.Tasks.Http.Request))]
    [InlineData("io.kestra.core.tasks.storages.Purge", typeof(PurgeExecutions))]
    public void Legacy_type_names_resolve_to_the_current_task(string name, Type expected)
    {
        Assert.True(TaskTypes.Catalog.TryResolve(name, out var type));
        Assert.Equal(expected, type);
    }

    [Fact]
    public void Type_name_as_written_is_kept_on_the_task()
    {
        var flow = Valid("id: f\nnamespace: n\ntasks:\n  - id: t\n    type: io.kestra.core.tasks.log.Log\n    message: hi\n");

        Assert.Equal("io.kestra.core.tasks.log.Log", flow.Tasks[0].Type);
    }

    [Fact]
    public void Every_issue_task_type_is_registered_under_its_full_name()
    {
        string[] names =
        [
            "log.Log", "output.OutputValues", "debug.Return", "flow.Sleep", "execution.Fail", "execution.Assert", "execution.Exit",
            "execution.Labels", "execution.SetVariables", "execution.UnsetVariables", "flow.If", "flow.Switch", "flow.Sequential",
            "flow.Parallel", "flow.ForEach", "flow.Dag", "flow.LoopUntil", "flow.AllowFailure", "flow.Pause", "flow.Subflow",
            "http.Request", "http.Download", "kv.Set", "kv.Get", "kv.Delete", "storage.Write", "execution.PurgeExecutions", "log.PurgeLogs",
        ];
        Assert.All(names, n => Assert.True(TaskTypes.Catalog.TryResolve("io.kestra.plugin.core." + n, out _), n));
        Assert.True(TaskTypes.Catalog.TryResolve("io.kestra.plugin.scripts.shell.Commands", out _));
        Assert.True(TaskTypes.Catalog.TryResolve("io.kestra.plugin.scripts.shell.Script", out _));
        Assert.True(TaskTypes.Catalog.TryResolve("io.kestra.plugin.transform.jsonata.TransformValue", out _));
        string[] triggers = ["trigger.Schedule", "trigger.Webhook", "trigger.Flow", "http.Trigger"];
        Assert.All(triggers, n => Assert.True(TriggerTypes.Catalog.TryResolve("io.kestra.plugin.core." + n, out _), n));
    }

    [Fact]
    public void Flowable_tasks_expose_their_children_in_every_branch()
    {
        var flow = Valid("""
            id: f
            namespace: n
            tasks:
              - id: sw
                type: io.kestra.plugin.core.flow.Switch
                value: "{{ inputs.x }}"
                cases:
                  A:
                    - id: a
                      type: io.kestra.plugin.core.debug.Return
                defaults:
                  - id: d
                    type: io.kestra.plugin.core.debug.Return
                errors:
                  - id: e
                    type: io.kestra.plugin.core.debug.Return
              - id: dag
                type: io.kestra.plugin.core.flow.Dag
                tasks:
                  - task:
                      id: x
                      type: io.kestra.plugin.core.debug.Return
                  - task:
                      id: y
                      type: io.kestra.plugin.core.debug.Return
                    dependsOn: [x]
            """);

        Assert.Equal(["sw", "a", "d", "e", "dag", "x", "y"], flow.AllTasks().Select(t => t.Id));
        Assert.Equal(TaskKind.Flowable, flow.FindTask("dag")!.Kind);
    }

    [Fact]
    public void Shell_commands_with_the_process_runner_are_read()
    {
        var flow = Valid("""
            id: f
            namespace: n
            tasks:
              - id: sh
                type: io.kestra.plugin.scripts.shell.Commands
                taskRunner:
                  type: io.kestra.plugin.core.runner.Process
                commands:
                  - echo hello
            """);

        var task = Assert.IsType<Commands>(flow.Tasks[0]);
        Assert.IsType<ProcessTaskRunner>(task.TaskRunner);
        Assert.Equal(["echo hello"], task.Lines);
    }

    [Fact]
    public void Log_message_may_be_a_list()
    {
        var flow = Valid("id: f\nnamespace: n\ntasks:\n  - id: t\n    type: io.kestra.plugin.core.log.Log\n    message:\n      - one\n      - two\n");

        Assert.Equal(["one", "two"], Assert.IsType<Log>(flow.Tasks[0]).Message);
    }

    [Fact]
    public void Exit_and_labels_update_the_execution_in_the_executor()
    {
        var flow = Valid("id: f\nnamespace: n\ntasks:\n  - id: l\n    type: io.kestra.plugin.core.execution.Labels\n    labels:\n      k: v\n  - id: x\n    type: io.kestra.plugin.core.execution.Exit\n    state: WARNING\n");

        Assert.Equal(TaskKind.ExecutionUpdating, flow.Tasks[0].Kind);
        Assert.Equal(ExitState.Warning, Assert.IsType<Exit>(flow.Tasks[1]).State);
    }

    [Fact]
    public void Expression_durations_are_accepted_until_run_time()
    {
        var flow = Valid("id: f\nnamespace: n\ntasks:\n  - id: p\n    type: io.kestra.plugin.core.flow.Pause\n    pauseDuration: \"{{ inputs.wait }}\"\n");

        Assert.Equal("{{ inputs.wait }}", Assert.IsType<Pause>(flow.Tasks[0]).PauseDuration);
    }

    [Fact]
    public void Each_element_remembers_its_yaml_path_and_line()
    {
        var flow = Valid("id: f\nnamespace: n\ntasks:\n  - id: a\n    type: io.kestra.plugin.core.debug.Return\n  - id: b\n    type: io.kestra.plugin.core.debug.Return\n");

        Assert.Equal(("tasks[1]", 6, 5), (flow.Tasks[1].Location.Path, flow.Tasks[1].Location.Line, flow.Tasks[1].Location.Column));
    }
}
