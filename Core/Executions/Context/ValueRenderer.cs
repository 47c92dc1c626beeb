using Kite.Core.Expressions;

namespace Kite.Core.Executions.Context;

/// <summary>Renders a property value as Kestra does: strings through the template engine, maps and lists item by item.</summary>
public static class ValueRenderer
{
    public static object? Render(object? value, RenderContext context) => value switch
    {
        string text => TemplateEngine.Render(text, context),
        IDictionary<string, object?> map => map.ToDictionary(e => TemplateEngine.Render(e.Key, context), e => Render(e.Value, context), StringComparer.Ordinal),
        IEnumerable<object?> list => list.Select(item => Render(item, context)).ToList(),
        _ => value,
    };

    /// <summary>Kestra's truthiness of a rendered condition: empty, "false", "0" and "null" are false.</summary>
    public static bool IsTruthy(string rendered) =>
        rendered.Trim().ToLowerInvariant() is not ("" or "false" or "0" or "-0" or "0.0" or "null");
}
