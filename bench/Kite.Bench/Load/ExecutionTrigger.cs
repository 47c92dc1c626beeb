using System.Net;
using System.Text;
using System.Text.Json;
using Kite.Bench.Suite;

namespace Kite.Bench.Load;

/// <summary>
/// Starts one execution of a flow: through its webhook when the flow has one and the Api serves webhooks, else through
/// <c>POST /api/v1/executions/{namespace}/{flowId}</c>. The first 404/405 from the webhook route switches to the
/// create route for good, and <see cref="Route"/> says which one was used.
/// </summary>
internal sealed class ExecutionTrigger(SuiteSession suite, FlowUnderTest flow)
{
    private volatile bool viaWebhook = flow.WebhookKey is not null;

    public string Route => viaWebhook ? "webhook" : flow.WebhookKey is null ? "create route" : "create route (the Api has no webhook route)";

    /// <summary>The new execution's id, or null when the Api refused.</summary>
    public async Task<string?> SendAsync(string? body, CancellationToken cancellationToken)
    {
        if (viaWebhook)
        {
            using var content = new StringContent(body ?? "{}", Encoding.UTF8, "application/json");
            using var response = await suite.Api.PostAsync(
                new Uri($"/api/v1/executions/webhook/{flow.Namespace}/{flow.Id}/{flow.WebhookKey}", UriKind.Relative), content, cancellationToken);
            if (response.StatusCode is not (HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed))
            {
                return await ExecutionIdAsync(response, cancellationToken);
            }

            viaWebhook = false;
        }

        // No body: every input takes its default.
        using var created = await suite.Api.PostAsync(
            new Uri($"/api/v1/executions/{flow.Namespace}/{flow.Id}", UriKind.Relative), null, cancellationToken);
        return await ExecutionIdAsync(created, cancellationToken);
    }

    private static async Task<string?> ExecutionIdAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            return null;
        }

        using var json = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
        return json.RootElement.TryGetProperty("id", out var id) ? id.GetString() : null;
    }
}
