using Kite.Core.Expressions.Library;

namespace Kite.Core.Expressions.Nodes;

/// <summary>The evaluation of call arguments shared by functions, filters and tests.</summary>
internal abstract class Call(string name, IReadOnlyList<Argument> arguments) : Expression
{
    protected string Name { get; } = name;

    protected IReadOnlyList<Argument> ArgumentList { get; } = arguments;

    protected Arguments EvaluateArguments(Scope scope)
    {
        if (ArgumentList.Count == 0)
        {
            return Arguments.None;
        }
        var positional = new List<object?>(ArgumentList.Count);
        Dictionary<string, object?>? named = null;
        foreach (var argument in ArgumentList)
        {
            var value = argument.Value.Evaluate(scope);
            if (argument.Name is null)
            {
                positional.Add(value);
            }
            else
            {
                (named ??= new(StringComparer.Ordinal))[argument.Name] = value;
            }
        }
        return new Arguments(Name, positional, named);
    }

    protected string ArgumentText =>
        ArgumentList.Count == 0 ? "" : $"({string.Join(", ", ArgumentList.Select(a => a.Name is null ? a.Value.Text : $"{a.Name}={a.Value.Text}"))})";

    protected object? Invoke(Func<object?> body)
    {
        try
        {
            return body();
        }
        catch (ExpressionException)
        {
            throw;
        }
        catch (Exception e) when (e is FormatException or InvalidCastException or ArgumentException or OverflowException or InvalidOperationException or System.Text.Json.JsonException)
        {
            throw new ExpressionException($"'{Text}' failed: {e.Message}", e);
        }
    }
}
