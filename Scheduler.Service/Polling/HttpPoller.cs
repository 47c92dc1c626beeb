using Kite.Core.Expressions;
using Kite.Core.Scheduling;
using Kite.Core.Time;
using Kite.Core.Triggers;
using Kite.Data.Executions;
using Kite.Data.Flows;
using Kite.Scheduler.Evaluation;
using Kite.Scheduler.Executions;
using Kite.ServiceDefaults.Secrets;
using Npgsql;

namespace Kite.Scheduler.Polling;

/// <summary>
/// Evaluates an <c>http.Trigger</c>: calls its URI, renders <c>responseCondition</c> (Kestra's default: a status
/// below 400) against <c>response</c>, and when it holds starts an execution with <c>trigger.uri</c>,
/// <c>trigger.code</c>, <c>trigger.headers</c> and <c>trigger.body</c>. Either way the trigger is due again after
/// its <c>interval</c> (default PT1M), counted from now. It runs in the scheduler (see README: Scheduler).
/// </summary>
public sealed class HttpPoller(
    InputEncryption encryption,
    IHttpClientFactory clients,
    NpgsqlDataSource database,
    FlowCache flows,
    ExecutionStarter starter,
    SchedulerMetrics metrics,
    TimeProvider clock,
    ILogger<HttpPoller> logger)
{
    private const string DefaultCondition = "{{ response.statusCode < 400 }}";

    public async Task PollAsync(DueTrigger due, CancellationToken cancellationToken)
    {
        var flow = await flows.GetAsync(due.Namespace, due.FlowId, due.FlowRevision, cancellationToken);
        var trigger = flow?.Triggers?.OfType<HttpTrigger>().FirstOrDefault(t => t.Id == due.TriggerId);
        var interval = trigger?.Interval is { } text && IsoDuration.TryParse(text, out var parsed) ? parsed : TimeSpan.FromMinutes(1);
        CreatedExecution? execution = null;
        if (trigger is not null && !flow!.Disabled)
        {
            try
            {
                execution = await EvaluateAsync(flow, due, trigger, cancellationToken);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or ExpressionException or FormatException or InvalidOperationException && !cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning("Polling trigger {Namespace}.{Flow}.{Trigger} failed: {Reason}", due.Namespace, due.FlowId, due.TriggerId, ex.Message);
            }
        }

        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var written = await CreatedExecutionWriter.InsertAsync(connection, transaction, execution is null ? [] : [execution], cancellationToken);
        await using (var command = new NpgsqlCommand(
            "UPDATE triggers SET evaluate_running_date = NULL, next_execution_date = @next, date = @now, updated_at = @now " +
            "WHERE namespace = @ns AND flow_id = @flow AND trigger_id = @trigger", connection, transaction))
        {
            var now = clock.GetUtcNow();
            command.Parameters.AddWithValue("next", now + interval);
            command.Parameters.AddWithValue("now", now);
            command.Parameters.AddWithValue("ns", due.Namespace);
            command.Parameters.AddWithValue("flow", due.FlowId);
            command.Parameters.AddWithValue("trigger", due.TriggerId);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        metrics.Created("polling", written.Count);
        await starter.StartAsync(written, cancellationToken);
    }

    private async Task<CreatedExecution?> EvaluateAsync(Core.Flows.Flow flow, DueTrigger due, HttpTrigger trigger, CancellationToken cancellationToken)
    {
        var context = ExecutionFactory.Context(flow, due.FlowRevision, new Dictionary<string, object?>());
        var uri = TemplateEngine.Render(trigger.Uri, context);
        using var request = new HttpRequestMessage(new HttpMethod(TemplateEngine.Render(trigger.Method ?? "GET", context)), uri);
        if (trigger.Body is string body)
        {
            request.Content = new StringContent(TemplateEngine.Render(body, context), System.Text.Encoding.UTF8, trigger.ContentType ?? "application/json");
        }

        foreach (var (name, value) in trigger.Headers ?? [])
        {
            request.Headers.TryAddWithoutValidation(name, TemplateEngine.Render(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "", context));
        }

        using var response = await clients.CreateClient(nameof(HttpPoller)).SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        var headers = response.Headers.Concat(response.Content.Headers)
            .ToDictionary(h => h.Key, h => (object?)h.Value.Select(v => (object?)v).ToList(), StringComparer.OrdinalIgnoreCase);
        var outcome = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["uri"] = uri,
            ["code"] = (long)(int)response.StatusCode,
            ["headers"] = headers,
            ["body"] = text,
        };
        var responseVariables = new Dictionary<string, object?>(StringComparer.Ordinal) { ["statusCode"] = (long)(int)response.StatusCode, ["body"] = text, ["headers"] = headers };
        var conditionContext = new RenderContext(new RenderVariables().Flow(flow.Id, flow.Namespace, due.FlowRevision).Set("response", responseVariables).Build()) { Namespace = flow.Namespace };
        if (!ConditionEvaluator.IsTrue(TemplateEngine.Evaluate(trigger.ResponseCondition ?? DefaultCondition, conditionContext)))
        {
            return null;
        }

        var triggerContext = ExecutionFactory.Context(flow, due.FlowRevision, outcome);
        return ConditionEvaluator.AllHold(trigger.Conditions, triggerContext)
            ? ExecutionFactory.Create(flow, due.FlowRevision, trigger.Inputs, trigger.Labels, outcome, clock.GetUtcNow(), cipher: encryption.Cipher)
            : null;
    }
}
