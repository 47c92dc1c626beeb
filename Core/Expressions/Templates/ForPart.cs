using System.Collections;
using System.Text;
using Kite.Core.Expressions.Nodes;

namespace Kite.Core.Expressions.Templates;

/// <summary><c>{% for item in items %}</c> (or <c>for key, value in map</c>), with <c>loop.index</c>, <c>loop.first</c>, <c>loop.last</c> and an optional <c>{% else %}</c>.</summary>
internal sealed class ForPart(string item, string? second, Expression source) : TemplatePart
{
    public List<TemplatePart> Body { get; } = [];

    public List<TemplatePart>? Else { get; set; }

    public override void Render(StringBuilder output, Scope scope)
    {
        var value = source.Evaluate(scope);
        // Every iteration is a step; spent before the entries are copied, so a loop over a huge string fails before it fills memory.
        scope.Meter.Spend(value switch { string s => s.Length, ICollection c => c.Count, IEnumerable e => e.Cast<object?>().LongCount(), _ => 0 }, "{% for %}");
        var entries = value switch
        {
            null => [],
            IDictionary map => map.Keys.Cast<object?>().Select(k => (Key: k, Value: map[k!])).ToList(),
            string s => s.Select(c => ((object?)null, (object?)c.ToString())).ToList(),
            IEnumerable list => list.Cast<object?>().Select((v, i) => ((object?)(long)i, v)).ToList(),
            _ => throw new ExpressionException($"cannot loop over {source.Text}: it is not a list or a map"),
        };
        if (entries.Count == 0)
        {
            if (Else is not null)
            {
                Template.RenderParts(Else, output, scope);
            }
            return;
        }
        var inner = scope.Child();
        for (var i = 0; i < entries.Count; i++)
        {
            scope.Meter.Tick();
            var (key, v) = entries[i];
            if (second is null)
            {
                inner.Set(item, value is IDictionary ? key : v);
            }
            else
            {
                inner.Set(item, key);
                inner.Set(second, v);
            }
            inner.Set("loop", new Dictionary<string, object?>
            {
                ["index"] = (long)i,
                ["length"] = (long)entries.Count,
                ["first"] = i == 0,
                ["last"] = i == entries.Count - 1,
                ["revindex"] = (long)(entries.Count - i - 1),
            });
            Template.RenderParts(Body, output, inner);
        }
    }
}
