using Kite.Core.Flows;
using Kite.Core.Validation;

namespace Kite.Core.Tests;

public class SharedFlowsTests
{
    private static string Load(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Flows", name));

    [Theory]
    [InlineData("five-ifs.yaml")]
    [InlineData("foreach-100-parallel.yaml")]
    [InlineData("foreach-log-160.yaml")]
    [InlineData("foreach-outputvalues-160.yaml")]
    [InlineData("nested-foreach-2100.yaml")]
    [InlineData("realtime-json.yaml")]
    [InlineData("sleep-5s.yaml")]
    [InlineData("webhook-simple.yaml")]
    public void Shared_benchmark_flow_parses_and_validates(string file)
    {
        var document = FlowReader.ReadOne(Load(file));

        Assert.Empty(document.Violations);
        Assert.True(document.IsValid);
    }

    [Fact]
    public void Kafka_realtime_flow_is_refused_naming_the_unknown_trigger_type_and_its_path()
    {
        var document = FlowReader.ReadOne(Load("realtime-kafka-json.yaml"));

        var violation = Assert.Single(document.Violations);
        Assert.Equal("triggers[0].type", violation.Path);
        Assert.Equal(ViolationKind.UnknownTriggerType, violation.Kind);
        Assert.Contains("io.kestra.plugin.kafka.RealtimeTrigger", violation.Message, StringComparison.Ordinal);
        Assert.Equal(6, violation.Line);
        Assert.Equal(11, violation.Column);
        Assert.False(document.IsValid);
    }

    [Fact]
    public void Every_shared_flow_file_is_covered()
    {
        var files = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Flows"), "*.yaml").Select(Path.GetFileName);

        Assert.Equal(9, files.Count());
    }
}
