using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Fluid;
using Kite.Core.Expressions;
using KiteTemplate = Kite.Core.Expressions.Templates.Template;

namespace Kite.Core.Benchmarks;

/// <summary>
/// Rendering an already parsed template, Kite's Pebble grammar on Parlot against the same template in Fluid (Liquid on Parlot),
/// both over the same dictionaries. Fluid is the baseline of each category.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class ExpressionRenderingBenchmarks
{
    private const string KiteVariableText = "{{ inputs.x }}";
    private const string FluidVariableText = "{{ inputs.x }}";
    private const string KiteFilterChainText = "{{ inputs.name | trim | upper | replace('-', '_') }}";
    private const string FluidFilterChainText = "{{ inputs.name | strip | upcase | replace: '-', '_' }}";
    private const string KiteIfBlockText = "{% if inputs.count > 3 and inputs.enabled %}big {{ inputs.name }}{% else %}small{% endif %}";
    private const string FluidIfBlockText = "{% if inputs.count > 3 and inputs.enabled %}big {{ inputs.name }}{% else %}small{% endif %}";

    private static readonly FluidParser FluidParser = new();

    private RenderContext kiteContext = RenderContext.Empty;
    private TemplateContext fluidContext = new();
    private KiteTemplate kiteVariable = null!, kiteFilterChain = null!, kiteIfBlock = null!;
    private IFluidTemplate fluidVariable = null!, fluidFilterChain = null!, fluidIfBlock = null!;

    [GlobalSetup]
    public void Setup()
    {
        var inputs = new Dictionary<string, object?> { ["x"] = "hello", ["name"] = "  data-team  ", ["count"] = 5L, ["enabled"] = true };
        kiteContext = new RenderContext(new RenderVariables().Inputs(inputs).Build());
        fluidContext = new TemplateContext();
        fluidContext.SetValue("inputs", inputs);

        kiteVariable = TemplateEngine.Parse(KiteVariableText);
        kiteFilterChain = TemplateEngine.Parse(KiteFilterChainText);
        kiteIfBlock = TemplateEngine.Parse(KiteIfBlockText);
        fluidVariable = FluidParser.Parse(FluidVariableText);
        fluidFilterChain = FluidParser.Parse(FluidFilterChainText);
        fluidIfBlock = FluidParser.Parse(FluidIfBlockText);

        Same(KiteVariable(), FluidVariable());
        Same(KiteFilterChain(), FluidFilterChain());
        Same(KiteIfBlock(), FluidIfBlock());
    }

    [Benchmark, BenchmarkCategory("render {{ inputs.x }}")]
    public string KiteVariable() => kiteVariable.Render(kiteContext);

    [Benchmark(Baseline = true), BenchmarkCategory("render {{ inputs.x }}")]
    public string FluidVariable() => fluidVariable.Render(fluidContext);

    [Benchmark, BenchmarkCategory("render filter chain")]
    public string KiteFilterChain() => kiteFilterChain.Render(kiteContext);

    [Benchmark(Baseline = true), BenchmarkCategory("render filter chain")]
    public string FluidFilterChain() => fluidFilterChain.Render(fluidContext);

    [Benchmark, BenchmarkCategory("render if-block")]
    public string KiteIfBlock() => kiteIfBlock.Render(kiteContext);

    [Benchmark(Baseline = true), BenchmarkCategory("render if-block")]
    public string FluidIfBlock() => fluidIfBlock.Render(fluidContext);

    /// <summary>Through the front door: cache lookup by text, then render, as the engine calls it.</summary>
    [Benchmark, BenchmarkCategory("render {{ inputs.x }}")]
    public string KiteVariableThroughCache() => TemplateEngine.Render(KiteVariableText, kiteContext);

    [Benchmark, BenchmarkCategory("parse filter chain (uncached)")]
    public KiteTemplate KiteParseFilterChain() => Expressions.Templates.TemplateParser.Parse(KiteFilterChainText);

    [Benchmark(Baseline = true), BenchmarkCategory("parse filter chain (uncached)")]
    public IFluidTemplate FluidParseFilterChain() => FluidParser.Parse(FluidFilterChainText);

    private static void Same(string kite, string fluid)
    {
        if (kite != fluid)
        {
            throw new InvalidOperationException($"Kite and Fluid must render the same text: '{kite}' and '{fluid}'");
        }
    }
}
