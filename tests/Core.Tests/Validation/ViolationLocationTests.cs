using Kite.Core.Flows;
using Kite.Core.Validation;

namespace Kite.Core.Tests.Validation;

public class ViolationLocationTests
{
    private static Violation Single(string yaml) => Assert.Single(FlowReader.ReadOne(yaml).Violations);

    [Fact]
    public void Unknown_nested_task_type_is_refused_at_its_path_line_and_column()
    {
        var violation = Single("""
            id: f
            namespace: n
            tasks:
              - id: a
                type: io.kestra.plugin.core.debug.Return
              - id: b
                type: io.kestra.plugin.core.debug.Return
              - id: if
                type: io.kestra.plugin.core.flow.If
                condition: "{{ true }}"
                then:
                  - id: bad
                    type: io.kestra.plugin.nope.Task
            """);

        Assert.Equal(("tasks[2].then[0].type", 13, 15, ViolationKind.UnknownTaskType), (violation.Path, violation.Line, violation.Column, violation.Kind));
        Assert.Equal("unknown task type 'io.kestra.plugin.nope.Task'", violation.Message);
    }

    [Fact]
    public void ForEach_without_values_is_refused_at_tasks_0_values()
    {
        var violation = Single("id: f\nnamespace: n\ntasks:\n  - id: each\n    type: io.kestra.plugin.core.flow.ForEach\n    tasks:\n      - id: t\n        type: io.kestra.plugin.core.debug.Return\n");

        Assert.Equal(("tasks[0].values", ViolationKind.MissingProperty), (violation.Path, violation.Kind));
        Assert.Equal((4, 5), (violation.Line, violation.Column));
    }

    [Fact]
    public void Malformed_expression_is_located_at_the_offending_character()
    {
        var violation = Single("id: f\nnamespace: n\ntasks:\n  - id: t\n    type: io.kestra.plugin.core.log.Log\n    message: \"{{ 1 + }}\"\n");

        Assert.Equal(("tasks[0].message", 6, 20), (violation.Path, violation.Line, violation.Column));
        Assert.Contains("at character 6", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_expression_in_a_block_scalar_is_located_on_its_own_line()
    {
        var violation = Single("id: f\nnamespace: n\ntasks:\n  - id: t\n    type: io.kestra.plugin.core.log.Log\n    message: |\n      first line\n      {{ inputs.a | }}\n");

        Assert.Equal((8, 21), (violation.Line, violation.Column));
    }

    [Fact]
    public void Invalid_yaml_is_reported_with_its_line()
    {
        var violation = Single("id: f\nnamespace: n\ntasks:\n  - id: a\n   type: x\n");

        Assert.Equal(ViolationKind.InvalidYaml, violation.Kind);
        Assert.Equal(5, violation.Line);
    }

    [Fact]
    public void Duplicate_task_id_names_where_it_was_first_used()
    {
        var violation = Single("id: f\nnamespace: n\ntasks:\n  - id: a\n    type: io.kestra.plugin.core.debug.Return\n  - id: seq\n    type: io.kestra.plugin.core.flow.Sequential\n    tasks:\n      - id: a\n        type: io.kestra.plugin.core.debug.Return\n");

        Assert.Equal(("tasks[1].tasks[0].id", 9, 13), (violation.Path, violation.Line, violation.Column));
        Assert.Equal("duplicate task id 'a', already used at tasks[0]", violation.Message);
    }

    [Fact]
    public void Dag_cycle_message_shows_the_loop()
    {
        var violation = Single("id: f\nnamespace: n\ntasks:\n  - id: dag\n    type: io.kestra.plugin.core.flow.Dag\n    tasks:\n      - task:\n          id: a\n          type: io.kestra.plugin.core.debug.Return\n        dependsOn: [b]\n      - task:\n          id: b\n          type: io.kestra.plugin.core.debug.Return\n        dependsOn: [a]\n");

        Assert.Equal("Dag 'dag' has a cycle: a -> b -> a", violation.Message);
    }

    [Fact]
    public void Multi_document_yaml_validates_each_document()
    {
        var documents = FlowReader.Read("id: one\nnamespace: n\ntasks:\n  - id: t\n    type: io.kestra.plugin.core.debug.Return\n---\nid: two\nnamespace: n\ntasks:\n  - id: t\n    type: nope\n---\nid: three\nnamespace: n\ntasks:\n  - id: t\n    type: io.kestra.plugin.core.debug.Return\n");

        Assert.Equal([true, false, true], documents.Select(d => d.IsValid));
        var violation = Assert.Single(documents[1].Violations);
        Assert.Equal(("tasks[0].type", 11), (violation.Path, violation.Line));
    }

    [Fact]
    public void Reading_one_flow_from_several_documents_is_an_error()
    {
        var document = FlowReader.ReadOne("id: a\nnamespace: n\ntasks: []\n---\nid: b\n");

        Assert.Equal(ViolationKind.InvalidYaml, Assert.Single(document.Violations).Kind);
    }

    [Fact]
    public void Empty_text_is_refused()
    {
        Assert.Equal(ViolationKind.InvalidYaml, Assert.Single(FlowReader.ReadOne("").Violations).Kind);
    }

    [Fact]
    public void Cron_with_seconds_is_accepted_when_with_seconds_is_set()
    {
        var document = FlowReader.ReadOne("id: f\nnamespace: n\ntasks:\n  - id: t\n    type: io.kestra.plugin.core.debug.Return\ntriggers:\n  - id: s\n    type: io.kestra.plugin.core.trigger.Schedule\n    cron: \"*/10 * * * * *\"\n    withSeconds: true\n");

        Assert.True(document.IsValid);
    }

    [Fact]
    public void Description_is_not_checked_as_an_expression()
    {
        Assert.True(FlowReader.ReadOne("id: f\nnamespace: n\ndescription: \"use {{ like this\"\ntasks:\n  - id: t\n    type: io.kestra.plugin.core.debug.Return\n").IsValid);
    }
}
