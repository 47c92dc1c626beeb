using Kite.Core.Flows;
using Kite.Core.Tasks;
using Kite.Core.Tasks.Flowable;
using Kite.Core.Tasks.Http;
using Kite.Core.Tasks.Logs;
using Kite.Core.Tasks.Scripts;
using Kite.Core.Triggers;
using Kite.Core.Validation;
using Assert = Xunit.Assert;

namespace Kite.Core.Tests.PluginDefaults;

/// <summary>Kestra's PluginDefaultService: defaults are merged into every plugin of the type before validation.</summary>
public class PluginDefaultsTests
{
    private static Flow Valid(string yaml)
    {
        var document = FlowReader.ReadOne(yaml);
        Assert.Empty(document.Violations);
        return document.Flow!;
    }

    private static string Flow(string defaults, string tasks, string extra = "") => $"""
        id: defaults
        namespace: company.team
        pluginDefaults:
        {defaults}
        tasks:
        {tasks}
        {extra}
        """;

    [Fact]
    public void Plugin_default_fills_a_property_the_task_leaves_out()
    {
        var flow = Valid(Flow("""
              - type: io.kestra.plugin.core.log.Log
                values:
                  level: WARN
            """, """
              - id: log
                type: io.kestra.plugin.core.log.Log
                message: hi
            """));

        Assert.Equal(LogLevel.Warn, Assert.IsType<Log>(flow.Tasks[0]).Level);
    }

    [Fact]
    public void Plugin_default_not_forced_never_overrides_the_task_own_value()
    {
        var flow = Valid(Flow("""
              - type: io.kestra.plugin.core.log.Log
                values:
                  level: WARN
            """, """
              - id: log
                type: io.kestra.plugin.core.log.Log
                message: hi
                level: ERROR
            """));

        Assert.Equal(LogLevel.Error, Assert.IsType<Log>(flow.Tasks[0]).Level);
    }

    [Fact]
    public void Forced_plugin_default_overrides_the_task_own_value()
    {
        var flow = Valid(Flow("""
              - type: io.kestra.plugin.core.log.Log
                forced: true
                values:
                  level: WARN
            """, """
              - id: log
                type: io.kestra.plugin.core.log.Log
                message: hi
                level: ERROR
            """));

        Assert.Equal(LogLevel.Warn, Assert.IsType<Log>(flow.Tasks[0]).Level);
    }

    [Fact]
    public void Plugin_default_supplies_a_required_property_before_validation()
    {
        var flow = Valid(Flow("""
              - type: io.kestra.plugin.core.log.Log
                values:
                  message: from the defaults
            """, """
              - id: log
                type: io.kestra.plugin.core.log.Log
            """));

        Assert.Equal(["from the defaults"], Assert.IsType<Log>(flow.Tasks[0]).Message);
    }

    [Fact]
    public void Plugin_default_type_may_be_a_prefix_matching_every_plugin_under_it()
    {
        var flow = Valid(Flow("""
              - type: io.kestra.plugin.core.log
                values:
                  level: DEBUG
            """, """
              - id: log
                type: io.kestra.plugin.core.log.Log
                message: hi
            """));

        Assert.Equal(LogLevel.Debug, Assert.IsType<Log>(flow.Tasks[0]).Level);
    }

    [Fact]
    public void Plugin_default_applies_to_tasks_nested_in_flowable_tasks()
    {
        var flow = Valid(Flow("""
              - type: io.kestra.plugin.core.log.Log
                values:
                  level: TRACE
            """, """
              - id: if
                type: io.kestra.plugin.core.flow.If
                condition: "{{ true }}"
                then:
                  - id: nested
                    type: io.kestra.plugin.core.log.Log
                    message: hi
            """));

        var nested = Assert.IsType<If>(flow.Tasks[0]).Then[0];
        Assert.Equal(LogLevel.Trace, Assert.IsType<Log>(nested).Level);
    }

    [Fact]
    public void Plugin_default_applies_to_triggers_too()
    {
        var flow = Valid(Flow("""
              - type: io.kestra.plugin.core.trigger.Schedule
                values:
                  timezone: Europe/Paris
            """, """
              - id: log
                type: io.kestra.plugin.core.log.Log
                message: hi
            """, """
            triggers:
              - id: daily
                type: io.kestra.plugin.core.trigger.Schedule
                cron: "@daily"
            """));

        Assert.Equal("Europe/Paris", Assert.IsType<Schedule>(flow.Triggers![0]).Timezone);
    }

    [Fact]
    public void Plugin_default_maps_merge_deeply_with_the_task_map()
    {
        var flow = Valid(Flow("""
              - type: io.kestra.plugin.core.http.Request
                values:
                  headers:
                    X-Team: data
                    Accept: text/plain
            """, """
              - id: call
                type: io.kestra.plugin.core.http.Request
                uri: https://example.com
                headers:
                  Accept: application/json
            """));

        var headers = Assert.IsType<Request>(flow.Tasks[0]).Headers!;
        Assert.Equal("data", headers["X-Team"]);
        Assert.Equal("application/json", headers["Accept"]);
    }

    [Fact]
    public void Plugin_default_lists_are_concatenated_without_duplicates()
    {
        var flow = Valid(Flow("""
              - type: io.kestra.plugin.scripts.shell.Commands
                values:
                  beforeCommands: [set -e, cd /tmp]
            """, """
              - id: sh
                type: io.kestra.plugin.scripts.shell.Commands
                commands: [echo hi]
                beforeCommands: [cd /tmp, export A=1]
            """));

        Assert.Equal(["set -e", "cd /tmp", "export A=1"], Assert.IsType<Commands>(flow.Tasks[0]).BeforeCommands);
    }

    [Fact]
    public void First_listed_plugin_default_wins_among_defaults_not_forced()
    {
        var flow = Valid(Flow("""
              - type: io.kestra.plugin.core.log.Log
                values:
                  level: WARN
              - type: io.kestra.plugin.core.log
                values:
                  level: ERROR
            """, """
              - id: log
                type: io.kestra.plugin.core.log.Log
                message: hi
            """));

        Assert.Equal(LogLevel.Warn, Assert.IsType<Log>(flow.Tasks[0]).Level);
    }

    [Fact]
    public void First_listed_forced_plugin_default_wins_among_forced_defaults()
    {
        var flow = Valid(Flow("""
              - type: io.kestra.plugin.core.log.Log
                forced: true
                values:
                  level: WARN
              - type: io.kestra.plugin.core.log.Log
                forced: true
                values:
                  level: ERROR
            """, """
              - id: log
                type: io.kestra.plugin.core.log.Log
                message: hi
                level: DEBUG
            """));

        Assert.Equal(LogLevel.Warn, Assert.IsType<Log>(flow.Tasks[0]).Level);
    }

    [Fact]
    public void Deprecated_taskDefaults_are_applied_like_pluginDefaults()
    {
        var flow = Valid("""
            id: defaults
            namespace: company.team
            taskDefaults:
              - type: io.kestra.plugin.core.log.Log
                values:
                  level: WARN
            tasks:
              - id: log
                type: io.kestra.plugin.core.log.Log
                message: hi
            """);

        Assert.Equal(LogLevel.Warn, Assert.IsType<Log>(flow.Tasks[0]).Level);
    }

    [Fact]
    public void Plugin_default_written_with_a_legacy_type_name_applies_to_the_current_name()
    {
        var flow = Valid(Flow("""
              - type: io.kestra.core.tasks.log.Log
                values:
                  level: WARN
            """, """
              - id: log
                type: io.kestra.plugin.core.log.Log
                message: hi
            """));

        Assert.Equal(LogLevel.Warn, Assert.IsType<Log>(flow.Tasks[0]).Level);
    }

    [Fact]
    public void Plugin_default_of_another_type_leaves_the_task_alone()
    {
        var flow = Valid(Flow("""
              - type: io.kestra.plugin.core.flow.Sleep
                values:
                  duration: PT1S
            """, """
              - id: log
                type: io.kestra.plugin.core.log.Log
                message: hi
            """));

        Assert.Equal(LogLevel.Info, Assert.IsType<Log>(flow.Tasks[0]).Level);
    }

    [Fact]
    public void Plugin_default_with_an_unknown_property_is_reported_on_the_task_at_the_default_line()
    {
        var document = FlowReader.ReadOne(Flow("""
              - type: io.kestra.plugin.core.log.Log
                values:
                  colour: red
            """, """
              - id: log
                type: io.kestra.plugin.core.log.Log
                message: hi
            """));

        var violation = Assert.Single(document.Violations);
        Assert.Equal(("tasks[0].colour", ViolationKind.UnknownProperty, 6), (violation.Path, violation.Kind, violation.Line));
    }

    [Fact]
    public void Plugin_defaults_are_still_read_into_the_flow_model()
    {
        var flow = Valid(Flow("""
              - type: io.kestra.plugin.core.log.Log
                forced: true
                values:
                  level: WARN
            """, """
              - id: log
                type: io.kestra.plugin.core.log.Log
                message: hi
            """));

        var pluginDefault = Assert.Single(flow.AllPluginDefaults());
        Assert.Equal(("io.kestra.plugin.core.log.Log", true, (object?)"WARN"), (pluginDefault.Type, pluginDefault.Forced, pluginDefault.Values!["level"]));
    }
}
