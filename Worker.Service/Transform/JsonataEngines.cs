using System.Collections.Concurrent;
using System.Globalization;
using Jint;
using Jint.Native;
using Jint.Runtime;
using Kite.Core.Executions;
using Microsoft.Extensions.Options;

namespace Kite.Worker.Transform;

/// <summary>
/// The worker's JSONata engines: a pool per <c>maxDepth</c>, each engine loaded once and reused, so an evaluation costs
/// the expression and not JSONata's start-up (about 0.2 s per engine). At most one engine per concurrent evaluation exists.
/// </summary>
public sealed class JsonataEngines(IOptions<WorkerOptions> options) : IDisposable
{
    private readonly ConcurrentDictionary<int, ConcurrentBag<JsonataEngine>> idle = new();

    /// <summary>Evaluates <paramref name="expression"/> on the JSON document; a failure names what JSONata reported, and where.</summary>
    public string? Evaluate(string expression, string inputJson, int maxDepth)
    {
        var pool = idle.GetOrAdd(maxDepth, _ => []);
        if (!pool.TryTake(out var engine))
        {
            engine = new JsonataEngine(new JsonataBudget(options.Value.TransformTimeout, options.Value.TransformMemoryBytes, maxDepth));
        }

        try
        {
            var result = engine.Evaluate(expression, inputJson);
            pool.Add(engine);
            return result;
        }
        catch (JavaScriptException e)
        {
            pool.Add(engine);
            throw new TaskFailedException(Describe(e.Error, e.Message));
        }
        catch (PromiseRejectedException e)
        {
            pool.Add(engine);
            throw new TaskFailedException(Describe(e.RejectedValue, e.Message));
        }
        catch (TimeoutException)
        {
            engine.Dispose();
            throw new TaskFailedException($"the JSONata expression ran longer than {options.Value.TransformTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s (Kite:Worker:TransformTimeout)");
        }
        catch (MemoryLimitExceededException)
        {
            engine.Dispose();
            throw new TaskFailedException($"the JSONata expression allocated more than {options.Value.TransformMemoryBytes.ToString(CultureInfo.InvariantCulture)} bytes (Kite:Worker:TransformMemoryBytes)");
        }
        catch (RecursionDepthOverflowException)
        {
            engine.Dispose();
            throw new TaskFailedException("the JSONata expression called deeper than the worker allows (4,096 JavaScript frames)");
        }
        catch (JintException e)
        {
            engine.Dispose();
            throw new TaskFailedException($"the JSONata expression failed: {e.Message}");
        }
    }

    /// <summary>JSONata's errors carry a code (S0202, T2001, ...) and the character position in the expression.</summary>
    private static string Describe(JsValue error, string fallback)
    {
        if (error is not Jint.Native.Object.ObjectInstance thrown)
        {
            return $"JSONata: {fallback}";
        }

        var message = thrown.Get("message");
        var code = thrown.Get("code");
        var position = thrown.Get("position");
        var text = message.IsString() ? message.AsString() : fallback;
        var where = position.IsNumber() ? $" at character {position.AsNumber().ToString(CultureInfo.InvariantCulture)} of the expression" : "";
        var id = code.IsString() ? $" ({code.AsString()})" : "";
        return $"JSONata{id}{where}: {text}";
    }

    public void Dispose()
    {
        foreach (var pool in idle.Values)
        {
            while (pool.TryTake(out var engine))
            {
                engine.Dispose();
            }
        }
    }
}
