using Kite.Api.Executions;
using Kite.Api.Flows;
using Kite.Api.Problems;
using Kite.Api.Routing;
using Kite.Core.Expressions;
using Kite.Core.Flows;
using Kite.Core.Inputs;
using Kite.Core.Triggers;
using Kite.ServiceDefaults.Secrets;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Kite.Api.Webhooks;

/// <summary>
/// Kestra's webhook route: <c>GET|POST|PUT /executions/webhook/{namespace}/{flowId}/{key}</c> starts the flow whose
/// Webhook trigger has that key. No Basic authentication: the key is the secret, and an unknown key answers 404
/// exactly like an unknown flow, so a caller learns nothing by guessing.
/// </summary>
public static class WebhooksApi
{
    public static IEndpointRouteBuilder MapWebhooksApi(this IEndpointRouteBuilder app) => app.MapTenantAliased(api =>
        api.MapMethods("/executions/webhook/{namespace}/{flowId}/{key}", ["GET", "POST", "PUT"], Trigger)
            .AllowAnonymous()
            .WithTags("Executions"));

    public static async Task<Results<Ok<ExecutionResponse>, Ok<object>, ProblemHttpResult>> Trigger(
        string @namespace,
        string flowId,
        string key,
        HttpRequest request,
        FlowStore flows,
        ParsedFlows parsed,
        ExecutionLauncher launcher,
        IOptions<ApiOptions> options,
        InputEncryption encryption,
        CancellationToken cancellationToken)
    {
        // The latest revision is read every time (another replica may have just saved one); only its parse is cached.
        var stored = await flows.LatestAsync(@namespace, flowId, cancellationToken);
        var flow = stored is null or { Deleted: true } ? null : parsed.Read(stored).Flow;
        var webhook = flow?.Triggers?.OfType<Webhook>().FirstOrDefault(w => !w.Disabled && string.Equals(w.Key, key, StringComparison.Ordinal));
        if (flow is null || webhook is null)
        {
            return Problem.NotFound($"no webhook '{key}' on flow '{@namespace}.{flowId}'");
        }

        if (flow.Disabled)
        {
            return Problem.Conflict($"flow '{@namespace}.{flowId}' is disabled; enable it to run it");
        }

        var variables = await WebhookCall.ReadAsync(request, options.Value, cancellationToken);
        var inputs = ExecutionInputs.Resolve(flow.Inputs, RenderInputs(webhook, variables), encryption.Cipher);
        if (!inputs.IsValid)
        {
            return Problem.InvalidInputs(inputs.Errors.Select(e => (e.InputId, e.Message)));
        }

        var trigger = new Dictionary<string, object?> { ["id"] = webhook.Id, ["type"] = webhook.Type, ["variables"] = variables };
        var labels = ExecutionLabels.Merge(flow.Labels, []);
        var execution = launcher.Prepare(@namespace, flowId, stored!.Revision, inputs.Values, labels, null, trigger);
        var result = await launcher.LaunchAsync(execution, webhook.Wait, cancellationToken);
        if (result is null)
        {
            return Problem.NotFound($"execution '{execution.Id}' was deleted before it could be answered");
        }

        return webhook.Wait && webhook.ReturnOutputs
            ? TypedResults.Ok((object)(result.Outputs ?? new System.Text.Json.Nodes.JsonObject()))
            : TypedResults.Ok(result);
    }

    /// <summary>The trigger's <c>inputs</c>, whose expressions see the call as <c>trigger.*</c>.</summary>
    private static Dictionary<string, object?> RenderInputs(Webhook webhook, Dictionary<string, object?> variables)
    {
        var context = new RenderContext(new Dictionary<string, object?> { ["trigger"] = variables });
        var inputs = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (name, value) in webhook.Inputs ?? [])
        {
            try
            {
                inputs[name] = value is string text && TemplateEngine.HasExpression(text) ? TemplateEngine.Evaluate(text, context) : value;
            }
            catch (ExpressionException ex)
            {
                throw ApiProblemException.Unprocessable($"inputs.{name}", $"the webhook's input '{name}' does not render: {ex.Message}");
            }
        }

        return inputs;
    }
}
