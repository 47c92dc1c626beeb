using Kite.Core.Flows;
using Kite.Core.Tasks;
using Kite.Core.Tasks.Logs;
using Kite.Core.Validation;
using Assert = Xunit.Assert;

namespace Kite.Core.Tests.Reading;

/// <summary>YAML merge keys, which Kestra's Jackson YAML reader accepts, to share task properties through anchors.</summary>
public class MergeKeyTests
{
    [Fact]
    public void Merge_key_copies_the_anchored_map_and_the_task_own_keys_win()
    {
        var document = FlowReader.ReadOne("""
            id: merge
            namespace: company.team
            tasks:
              - &log
                id: first
                type: io.kestra.plugin.core.log.Log
                message: shared
                level: WARN
              - <<: *log
                id: second
                message: own
            """);

        Assert.Empty(document.Violations);
        var second = Assert.IsType<Log>(document.Flow!.Tasks[1]);
        Assert.Equal(("second", LogLevel.Warn), (second.Id, second.Level));
        Assert.Equal(["own"], second.Message);
    }

    [Fact]
    public void Merge_key_with_a_list_merges_each_map_the_first_listed_winning()
    {
        var document = FlowReader.ReadOne("""
            id: merge
            namespace: company.team
            variables:
              loud: &loud
                level: ERROR
              quiet: &quiet
                level: DEBUG
                message: from quiet
            tasks:
              - <<: [*loud, *quiet]
                id: log
                type: io.kestra.plugin.core.log.Log
            """);

        Assert.Empty(document.Violations);
        var log = Assert.IsType<Log>(document.Flow!.Tasks[0]);
        Assert.Equal((LogLevel.Error, "from quiet"), (log.Level, log.Message[0]));
    }

    [Fact]
    public void Merged_property_that_is_invalid_is_reported_at_the_anchor_line()
    {
        var document = FlowReader.ReadOne("""
            id: merge
            namespace: company.team
            variables:
              base: &base
                level: LOUD
            tasks:
              - <<: *base
                id: log
                type: io.kestra.plugin.core.log.Log
                message: hi
            """);

        var violation = Assert.Single(document.Violations);
        Assert.Equal(("tasks[0].level", ViolationKind.InvalidValue, 5), (violation.Path, violation.Kind, violation.Line));
    }
}
