using Kite.Core.Values;

namespace Kite.Core.Expressions.Nodes;

/// <summary><c>{'key': value}</c>.</summary>
internal sealed class MapLiteral(IReadOnlyList<(Expression Key, Expression Value)> entries) : Expression
{
    public override object? Evaluate(Scope scope) =>
        entries.ToDictionary(e => PlainValues.ToText(e.Key.Evaluate(scope)), e => e.Value.Evaluate(scope), StringComparer.Ordinal);

    public override string Text => $"{{{string.Join(", ", entries.Select(e => $"{e.Key.Text}: {e.Value.Text}"))}}}";
}
