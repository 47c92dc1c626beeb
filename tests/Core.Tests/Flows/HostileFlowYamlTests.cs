using System.Text;
using Kite.Core.Flows;
using Kite.Core.Inputs;
using Kite.Core.Tasks;
using Kite.Core.Tasks.Logs;
using Kite.Core.Validation;
using Assert = Xunit.Assert;

namespace Kite.Core.Tests.Flows;

/// <summary>
/// Flow YAML written to hurt the reader (the Api reads whatever it is sent) ends as a violation saying what and where,
/// never as a stack overflow, which ends the process, nor as a walk that grows exponentially or quadratically.
/// </summary>
public class HostileFlowYamlTests
{
    private const string Head = "id: hostile\nnamespace: company.team\n";
    private const string LogTask = "tasks:\n  - id: log\n    type: io.kestra.plugin.core.log.Log\n    message: hi\n";

    private static Violation Single(string yaml) => Assert.Single(Assert.Single(FlowReader.Read(yaml)).Violations);

    private static string Repeat(string text, int count) => new StringBuilder(text.Length * count).Insert(0, text, count).ToString();

    /// <summary>A billion laughs: each anchor lists the previous one ten times, so the last expands to 10^levels scalars.</summary>
    private static string Laughs(int levels, string indent)
    {
        var yaml = new StringBuilder($"{indent}a0: &a0 [{string.Join(", ", Enumerable.Repeat("lol", 10))}]\n");
        for (var i = 1; i < levels; i++)
        {
            yaml.Append($"{indent}a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10))}]\n");
        }
        return yaml.ToString();
    }

    public static TheoryData<string, int, int> DeepNesting() => new()
    {
        { Repeat("[", 100_000) + Repeat("]", 100_000), 1, 65 },
        { Repeat("{a: ", 100_000) + "1" + Repeat("}", 100_000), 1, 257 },
        { Head + "tasks: " + Repeat("[", 100_000) + Repeat("]", 100_000) + "\n", 3, 71 },
        { Head + "tasks:\n  - id: log\n    type: io.kestra.plugin.core.log.Log\n    message: " + Repeat("[", 100_000) + "\n", 6, 75 },
        { Head + "variables:\n" + string.Concat(Enumerable.Range(1, 200).Select(i => new string(' ', i) + "a:\n")) + LogTask, 67, 65 },
    };

    [Theory]
    [MemberData(nameof(DeepNesting))]
    public void Nesting_deeper_than_the_limit_is_a_violation_with_its_line_not_a_crash(string yaml, int line, int column)
    {
        var violation = Single(yaml);

        Assert.Equal((ViolationKind.InvalidYaml, line, column), (violation.Kind, violation.Line, violation.Column));
        Assert.Equal($"invalid YAML: nesting deeper than 64 levels at line {line}, column {column}", violation.Message);
    }

    [Fact]
    public void Nesting_of_exactly_the_limit_is_read_as_usual()
    {
        // The flow's map and variables' map are two levels: 62 lists inside make 64, one more makes 65.
        var document = FlowReader.ReadOne(Head + "variables:\n  deep: " + Repeat("[", 62) + "1" + Repeat("]", 62) + "\n" + LogTask);
        var deeper = FlowReader.ReadOne(Head + "variables:\n  deep: " + Repeat("[", 63) + "1" + Repeat("]", 63) + "\n" + LogTask);

        Assert.True(document.IsValid);
        Assert.Contains("nesting deeper than 64 levels", Assert.Single(deeper.Violations).Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, int> Laughter() => new()
    {
        { Head + "variables:\n" + Laughs(10, "  ") + LogTask, 8 },
        { Head + "variables:\n" + Laughs(10, "  ") + "  ? *a9\n  : key\n" + LogTask, 8 },
        { Head + "variables:\n" + Laughs(10, "  ") + "tasks:\n  - id: log\n    type: io.kestra.plugin.core.log.Log\n    message: *a9\n", 8 },
    };

    [Theory]
    [MemberData(nameof(Laughter))]
    public void Aliases_that_multiply_are_a_violation_naming_the_alias_not_a_blow_up(string yaml, int line)
    {
        var violation = Single(yaml);

        Assert.Equal((ViolationKind.InvalidYaml, line), (violation.Kind, violation.Line));
        Assert.StartsWith($"invalid YAML: alias *a3 at line {line}, column ", violation.Message, StringComparison.Ordinal);
        Assert.EndsWith("makes aliases expand to more than 100000 nodes: an anchor may be reused, not multiplied", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Merge_keys_that_multiply_are_a_violation_like_any_alias()
    {
        var maps = new StringBuilder("  m0: &m0 {" + string.Join(", ", Enumerable.Range(0, 10).Select(i => $"k{i}: v")) + "}\n");
        for (var i = 1; i < 10; i++)
        {
            maps.Append($"  m{i}: &m{i} {{{string.Join(", ", Enumerable.Range(0, 10).Select(j => $"k{j}: *m{i - 1}"))}}}\n");
        }
        var violation = Single(Head + "variables:\n" + maps + LogTask.Replace("message: hi", "<<: *m9", StringComparison.Ordinal));

        Assert.Equal(ViolationKind.InvalidYaml, violation.Kind);
        Assert.Contains("makes aliases expand to more than 100000 nodes", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Aliases_repeating_a_long_text_past_ten_million_characters_are_a_violation()
    {
        var yaml = Head + "variables:\n  text: &text " + new string('x', 1_000_000) + "\n  copies: [" + string.Join(", ", Enumerable.Repeat("*text", 11)) + "]\n" + LogTask;

        var violation = Single(yaml);

        Assert.Equal((ViolationKind.InvalidYaml, 5), (violation.Kind, violation.Line));
        Assert.EndsWith("makes aliases repeat more than 10000000 characters of text", violation.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("variables:\n  a: &a [1, *a]\n", "alias *a at line 4, column 13 refers to a node that contains it, which would never end")]
    [InlineData("variables: &v\n  a: *v\n", "alias *v at line 4, column 6 refers to a node that contains it, which would never end")]
    [InlineData("variables:\n  a: *later\n  b: &later [1]\n", "alias *later at line 4, column 6 refers to no anchor defined before it")]
    public void Alias_to_its_own_node_or_to_no_earlier_anchor_is_a_violation_not_an_endless_walk(string variables, string message)
    {
        var violation = Single(Head + variables + LogTask);

        Assert.Equal((ViolationKind.InvalidYaml, 4), (violation.Kind, violation.Line));
        Assert.Equal($"invalid YAML: {message}", violation.Message);
    }

    [Fact]
    public void Alias_that_nests_past_the_limit_once_expanded_is_a_violation()
    {
        // 40 levels written twice is 80 once the alias is expanded, though no line of the text nests past 42.
        var yaml = Head + "variables:\n  a: &a " + Repeat("[", 40) + "1" + Repeat("]", 40) + "\n  b: " + Repeat("[", 40) + "*a" + Repeat("]", 40) + "\n" + LogTask;

        var violation = Single(yaml);

        Assert.Equal((ViolationKind.InvalidYaml, 5, 46), (violation.Kind, violation.Line, violation.Column));
        Assert.Equal("invalid YAML: alias *a at line 5, column 46 nests deeper than 64 levels once expanded", violation.Message);
    }

    [Fact]
    public void Anchors_reused_as_intended_still_read_with_merge_keys()
    {
        var document = FlowReader.ReadOne(Head + """
            variables:
              message: &message shared text
              level: &level WARN
            tasks:
              - &log
                id: first
                type: io.kestra.plugin.core.log.Log
                message: *message
                level: *level
              - <<: *log
                id: second
              - <<: *log
                id: third
                message: [*message, own]
            """);

        Assert.Empty(document.Violations);
        var third = Assert.IsType<Log>(document.Flow!.Tasks[2]);
        Assert.Equal(["shared text", "own"], third.Message);
        Assert.Equal(LogLevel.Warn, third.Level);
    }

    [Fact]
    public void Plugin_defaults_that_would_add_more_than_the_limit_are_a_violation_at_plugin_defaults()
    {
        // A 1,000-key default on a prefix every map matches, and 1,000 maps with a type: a million nodes to merge and walk.
        var yaml = Head + "pluginDefaults:\n  - type: i\n    values:\n      labels:\n"
            + string.Concat(Enumerable.Range(0, 1000).Select(i => $"        k{i}: v\n"))
            + "variables:\n  maps:\n" + Repeat("    - {type: i}\n", 1000) + LogTask;

        var violation = Single(yaml);

        Assert.Equal(("pluginDefaults", ViolationKind.InvalidValue, 3, 1), (violation.Path, violation.Kind, violation.Line, violation.Column));
        Assert.StartsWith("plugin defaults would add more than 1000000 nodes to the flow", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Merging_a_wide_map_keeps_every_key_and_the_own_ones_win()
    {
        // 10,000 keys on each side: comparing every key with every other, as merging once did, took seconds.
        var keys = Enumerable.Range(0, 10_000).ToList();
        var yaml = Head + "variables:\n  base: &base\n" + string.Concat(keys.Select(i => $"    k{i}: base\n"))
            + "  wide:\n    <<: *base\n" + string.Concat(keys.Where(i => i % 2 == 0).Select(i => $"    k{i}: own\n")) + LogTask;

        var document = FlowReader.ReadOne(yaml);

        Assert.Empty(document.Violations);
        var wide = Assert.IsType<Dictionary<string, object?>>(document.Flow!.Variables!["wide"]);
        Assert.Equal((10_000, "own", "base"), (wide.Count, wide["k0"], wide["k1"]));
    }

    [Fact]
    public void A_value_of_megabytes_is_read_whole()
    {
        var text = new string('x', 2 * 1024 * 1024);

        var document = FlowReader.ReadOne(Head + LogTask.Replace("message: hi", $"message: \"{text} {{{{ inputs.a }}}}\"", StringComparison.Ordinal));

        Assert.Empty(document.Violations);
        Assert.Equal(text.Length + 15, Assert.IsType<Log>(document.Flow!.Tasks[0]).Message[0].Length);
    }

    [Fact]
    public void Two_thousand_flows_in_one_stream_give_one_result_each()
    {
        var documents = FlowReader.Read(Repeat("---\n" + Head + LogTask, 2000));

        Assert.Equal(2000, documents.Count);
        Assert.All(documents, d => Assert.True(d.IsValid));
    }

    [Fact]
    public void Ten_thousand_empty_documents_are_one_empty_stream()
    {
        var violation = Single(Repeat("---\n", 10_000));

        Assert.Equal(ViolationKind.InvalidYaml, violation.Kind);
        Assert.StartsWith("the document is empty", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_key_is_shortened_in_the_paths_below_it()
    {
        // A path repeats its keys for every node below them: a 100,000-character case above 2,000 tasks once took gigabytes.
        var key = new string('k', 100_000);
        var yaml = Head + "tasks:\n  - id: switch\n    type: io.kestra.plugin.core.flow.Switch\n    value: x\n    cases:\n      ? " + key + "\n      :\n"
            + string.Concat(Enumerable.Range(0, 2000).Select(i => $"        - {{id: t{i}, type: io.kestra.plugin.core.log.Log, message: hi}}\n"))
            + "        - {id: bad, type: io.kestra.plugin.core.log.Log, message: \"{{ 1 + }}\", level: LOUD}\n";

        var violations = Assert.Single(FlowReader.Read(yaml)).Violations;

        var shortened = "tasks[0].cases." + key[..77] + "...[2000]";
        Assert.Equal([(shortened + ".level", ViolationKind.InvalidValue), (shortened + ".message", ViolationKind.InvalidExpression)],
            violations.Select(v => (v.Path, v.Kind)).Order());
    }

    [Fact]
    public void Dag_chain_as_long_as_the_flow_is_checked_without_recursion()
    {
        // Each task depends on the next, so looking for a cycle walks the whole chain: recursing, it overflowed a 256 KB stack
        // past about 2,000 tasks (a 1.5 MB one, a pool thread's, past 10,000).
        var yaml = Head + "tasks:\n  - id: dag\n    type: io.kestra.plugin.core.flow.Dag\n    tasks:\n"
            + string.Concat(Enumerable.Range(0, 3000).Select(i => $"      - task: {{id: t{i}, type: io.kestra.plugin.core.log.Log, message: hi}}\n        dependsOn: [t{(i + 1) % 3000}]\n"));
        FlowDocument? document = null;

        var thread = new Thread(() => document = FlowReader.ReadOne(yaml), 256 * 1024);
        thread.Start();
        thread.Join();

        var violation = Assert.Single(document!.Violations);
        Assert.Equal(("tasks[0].tasks[0].dependsOn", ViolationKind.DagCycle), (violation.Path, violation.Kind));
        Assert.StartsWith("Dag 'dag' has a cycle: t0 -> t1 -> t2 -> ", violation.Message, StringComparison.Ordinal);
        Assert.EndsWith(" -> t2999 -> t0", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Dag_with_a_duplicate_task_id_is_a_violation_not_an_exception()
    {
        var violation = Single(Head + """
            tasks:
              - id: dag
                type: io.kestra.plugin.core.flow.Dag
                tasks:
                  - task: {id: a, type: io.kestra.plugin.core.log.Log, message: hi}
                  - task: {id: a, type: io.kestra.plugin.core.log.Log, message: hi}
                    dependsOn: [a]
            """);

        Assert.Equal(("tasks[0].tasks[1].task.id", ViolationKind.DuplicateId, 8), (violation.Path, violation.Kind, violation.Line));
    }

    [Fact]
    public void Yaml_input_default_nested_too_deep_is_a_violation_not_a_crash()
    {
        var violation = Single(Head + "inputs:\n  - id: doc\n    type: YAML\n    defaults: '" + Repeat("[", 100_000) + "'\n" + LogTask);

        Assert.Equal(("inputs[0].defaults", ViolationKind.InvalidInputDefault, 6), (violation.Path, violation.Kind, violation.Line));
        Assert.Equal("invalid default for input 'doc' of type YAML: invalid YAML: nesting deeper than 64 levels at line 1, column 65", violation.Message);
    }

    [Fact]
    public void Yaml_input_default_that_is_sane_is_still_read()
    {
        var document = FlowReader.ReadOne(Head + "inputs:\n  - id: doc\n    type: YAML\n    defaults: 'a: [1, 2]'\n" + LogTask);

        Assert.True(document.IsValid);
        Assert.IsType<YamlInput>(Assert.Single(document.Flow!.Inputs!));
    }

    [Fact]
    public void Duplicate_key_is_a_violation_at_its_line_and_column()
    {
        var violation = Single(Head + "tasks:\n  - id: log\n    type: io.kestra.plugin.core.log.Log\n    message: hi\n    message: again\n");

        Assert.Equal((ViolationKind.InvalidYaml, 7, 5), (violation.Kind, violation.Line, violation.Column));
        Assert.Contains("Duplicate key", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_typed_property_is_a_violation_with_its_path_line_and_column()
    {
        var violation = Single(Head + "tasks:\n  - id: log\n    type: io.kestra.plugin.core.log.Log\n    message: hi\n    allowFailure: [yes]\n");

        Assert.Equal(("tasks[0].allowFailure", ViolationKind.WrongType, 7, 19), (violation.Path, violation.Kind, violation.Line, violation.Column));
        Assert.Equal("expected a boolean (true or false), found a list", violation.Message);
    }

    [Fact]
    public void Unknown_task_type_of_megabytes_is_a_violation_quoting_only_its_start()
    {
        var violation = Single(Head + "tasks:\n  - id: t\n    type: io." + new string('x', 1_000_000) + "\n");

        Assert.Equal(("tasks[0].type", ViolationKind.UnknownTaskType, 5, 11), (violation.Path, violation.Kind, violation.Line, violation.Column));
        Assert.Equal($"unknown task type 'io.{new string('x', 74)}...'", violation.Message);
    }
}
