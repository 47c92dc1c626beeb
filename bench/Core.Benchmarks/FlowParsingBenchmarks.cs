using BenchmarkDotNet.Attributes;
using Kite.Core.Flows;

namespace Kite.Core.Benchmarks;

/// <summary>
/// YAML text to a validated <see cref="Flow"/>: the whole of <see cref="FlowReader.ReadOne"/> (YAML parse, binding,
/// whole-flow checks and the syntax check of every expression). Templates are cached process-wide, as in production.
/// </summary>
[MemoryDiagnoser]
public class FlowParsingBenchmarks
{
    private string yaml = "";

    [GlobalSetup]
    public void Setup()
    {
        yaml = GeneratedFlow.Yaml(groups: 20);
        var document = FlowReader.ReadOne(yaml);
        var tasks = document.Flow?.AllTasks().Count();
        if (!document.IsValid || tasks != 200)
        {
            throw new InvalidOperationException($"the generated flow must be valid with 200 tasks: {tasks} tasks, {string.Join("; ", document.Violations)}");
        }
    }

    [Benchmark(Description = "parse and validate a 200-task flow")]
    public FlowDocument ParseAndValidate200Tasks() => FlowReader.ReadOne(yaml);
}
