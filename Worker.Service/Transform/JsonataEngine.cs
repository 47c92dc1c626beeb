using Jint;
using Jint.Native;
using Jint.Native.Json;

namespace Kite.Worker.Transform;

/// <summary>
/// One Jint engine with JSONata loaded and the expressions it has compiled. Not thread-safe: <see cref="JsonataEngines"/>
/// lends each engine to one evaluation at a time.
/// </summary>
public sealed class JsonataEngine : IDisposable
{
    private const int CompiledLimit = 256;

    /// <summary>
    /// Compiles an expression into a function of the input that counts evaluation depth through JSONata's entry and exit
    /// hooks and stops at <c>maxDepth</c> with JSONata's stack-overflow code, as Kestra's JSONata does.
    /// </summary>
    private const string GuardedCompile = """
        (function (expression, maxDepth) {
          var compiled = jsonata(expression);
          var depth = 0;
          compiled.assign(Symbol.for('jsonata.__evaluate_entry'), function () {
            if (++depth > maxDepth) {
              throw { code: 'U1001', message: 'the expression nested deeper than maxDepth ' + maxDepth };
            }
          });
          compiled.assign(Symbol.for('jsonata.__evaluate_exit'), function () { depth--; });
          return function (input) { depth = 0; return compiled.evaluate(input); };
        })
        """;

    /// <summary>JavaScript frames one evaluation may stack (JSONata's own depth is bounded by the guard above).</summary>
    private const int CallDepthLimit = 4096;

    private readonly Engine engine;
    private readonly JsValue compile;
    private readonly int maxDepth;
    private readonly Dictionary<string, JsValue> compiled = new(StringComparer.Ordinal);

    public JsonataEngine(JsonataBudget budget)
    {
        engine = new Engine(options => options
            .TimeoutInterval(budget.Timeout)
            .LimitMemory(budget.MemoryBytes)
            .LimitRecursion(CallDepthLimit)
            .Strict(false));
        engine.Execute(JsonataLibrary.Script);
        compile = engine.Evaluate(GuardedCompile);
        maxDepth = budget.MaxDepth;
    }

    /// <summary>The result as JSON text, or null when the expression yields nothing (JSONata's undefined).</summary>
    public string? Evaluate(string expression, string inputJson)
    {
        var evaluate = Compiled(expression);
        var input = new JsonParser(engine).Parse(inputJson);
        var result = engine.Invoke(evaluate, input).UnwrapIfPromise();
        var json = new JsonSerializer(engine).Serialize(result);
        return json.IsUndefined() ? null : json.AsString();
    }

    private JsValue Compiled(string expression)
    {
        if (compiled.TryGetValue(expression, out var known))
        {
            return known;
        }

        if (compiled.Count >= CompiledLimit)
        {
            compiled.Clear();
        }

        var evaluate = engine.Invoke(compile, expression, maxDepth);
        compiled[expression] = evaluate;
        return evaluate;
    }

    public void Dispose() => engine.Dispose();
}
