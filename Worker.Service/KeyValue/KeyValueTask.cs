using Kite.Core.Expressions;
using Kite.Worker.Jobs;

namespace Kite.Worker.KeyValue;

/// <summary>What the kv tasks share: the rendered key, and the namespace, the flow's unless given.</summary>
public static class KeyValueTask
{
    public static (string Namespace, string Key) Address(string key, string? @namespace, TaskRunContext context)
    {
        var renderedKey = context.RenderText(key);
        if (string.IsNullOrWhiteSpace(renderedKey))
        {
            throw new ExpressionException($"the key '{key}' renders empty");
        }

        return (@namespace is null ? context.Job.Namespace : context.RenderText(@namespace), renderedKey);
    }
}
