namespace Kite.Core.Flows;

/// <summary>
/// A task property that is either a fixed value or an expression rendered at run time
/// (Kestra's <c>Property&lt;T&gt;</c>): <c>concurrent: 3</c> or <c>concurrent: "{{ inputs.n }}"</c>.
/// </summary>
public sealed class Property<T>
{
    private Property(T? value, string? expression)
    {
        Value = value;
        Expression = expression;
    }

    /// <summary>The fixed value, when <see cref="Expression"/> is null.</summary>
    public T? Value { get; }

    /// <summary>The template to render, when the value is not fixed.</summary>
    public string? Expression { get; }

    public bool IsExpression => Expression is not null;

    public static Property<T> Of(T value) => new(value, null);

    public static Property<T> FromExpression(string expression) => new(default, expression);

    public override string ToString() => Expression ?? Value?.ToString() ?? "";
}
