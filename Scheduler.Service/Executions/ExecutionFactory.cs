using Kite.Core.Executions;
using Kite.Core.Expressions;
using Kite.Core.Flows;
using Kite.Core.Inputs;
using Kite.Core.Secrets;
using Kite.Data.Executions;

namespace Kite.Scheduler.Executions;

/// <summary>
/// Builds the CREATED execution a trigger starts: the trigger's <c>inputs</c> rendered against its variables and
/// resolved against the flow's inputs as the Api does, the flow's labels then the trigger's, and the trigger's
/// variables as the execution's <c>trigger</c> (what the flow reads as <c>{{ trigger.* }}</c>).
/// </summary>
public static class ExecutionFactory
{
    /// <summary>Throws <see cref="InvalidOperationException"/> naming the inputs that do not resolve (a SECRET one without <paramref name="cipher"/>).</summary>
    public static CreatedExecution Create(
        Flow flow,
        int revision,
        IReadOnlyDictionary<string, object?>? triggerInputs,
        IEnumerable<Label>? triggerLabels,
        Dictionary<string, object?> triggerVariables,
        DateTimeOffset now,
        string? id = null,
        IEnumerable<KeyValuePair<string, string>>? extraLabels = null,
        SecretCipher? cipher = null)
    {
        var context = Context(flow, revision, triggerVariables);
        var submitted = (triggerInputs ?? new Dictionary<string, object?>()).ToDictionary(i => i.Key, i => Render(i.Value, context), StringComparer.Ordinal);
        var inputs = InputResolver.Resolve(flow.Inputs, submitted, text => TemplateEngine.Render(text, context), cipher);
        if (!inputs.IsValid)
        {
            throw new InvalidOperationException("inputs do not resolve: " + string.Join("; ", inputs.Errors.Select(e => $"{e.InputId}: {e.Message}")));
        }

        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var label in (flow.Labels ?? []).Concat(triggerLabels ?? []))
        {
            labels[label.Key] = label.Value;
        }

        foreach (var label in extraLabels ?? [])
        {
            labels[label.Key] = label.Value;
        }

        return new CreatedExecution(
            id ?? ShortId.New(),
            flow.Namespace,
            flow.Id,
            revision,
            now,
            null,
            PlainJsonColumns.Write(inputs.Values)!,
            PlainJsonColumns.WriteLabels(labels),
            PlainJsonColumns.Write(triggerVariables));
    }

    public static RenderContext Context(Flow flow, int revision, IReadOnlyDictionary<string, object?> triggerVariables) =>
        new(new RenderVariables().Flow(flow.Id, flow.Namespace, revision).Trigger(triggerVariables).Build()) { Namespace = flow.Namespace };

    private static object? Render(object? value, RenderContext context) => value switch
    {
        string text when TemplateEngine.HasExpression(text) => TemplateEngine.Evaluate(text, context),
        _ => value,
    };
}
