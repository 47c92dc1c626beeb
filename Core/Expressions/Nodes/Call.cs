using Kite.Core.Expressions.Library;

namespace Kite.Core.Expressions.Nodes;

/// <summary>The evaluation of call arguments shared by functions, filters and tests.</summary>
internal abstract class Call(string name, IReadOnlyList<Argument> arguments, int depth) : Expression(depth)
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

    protected object? Invoke(Scope scope, Func<object?> body)
    {
        object? result;
        // Only a filter, no catch-and-rethrow of ExpressionException: a rethrow at every level of a deep render would grow
        // the stack while the exception travels up, and overflow it on the way out of a render stopped by its depth limit.
        try
        {
            result = body();
        }
        catch (Exception e) when (e is FormatException or InvalidCastException or ArgumentException or OverflowException or InvalidOperationException or System.Text.Json.JsonException)
        {
            throw new ExpressionException($"'{Text}' failed: {e.Message}", e);
        }
        // Functions and filters that can grow a string check it before building it; this catches the others one step late.
        if (result is string text && text.Length > scope.Meter.Budget.MaxLength)
        {
            scope.Meter.CheckLength(text.Length, $"the result of '{Text}'");
        }
        return result;
    }
}
