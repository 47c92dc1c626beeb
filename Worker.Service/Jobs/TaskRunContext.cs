using Kite.Core.Expressions;
using Kite.Core.Flows;
using Kite.Data.Logs;
using Kite.Data.Records;
using Kite.Messaging.Contracts;

namespace Kite.Worker.Jobs;

/// <summary>What a task runner sees: the render context of its task run, and its log.</summary>
public sealed class TaskRunContext(WorkerJob job, Flow flow, RenderContext render, LogWriter logs, TimeProvider clock)
{
    public WorkerJob Job => job;
    public Flow Flow => flow;
    public RenderContext Render => render;

    public string RenderText(string template) => TemplateEngine.Render(template, render);

    public ValueTask LogAsync(string level, string message, CancellationToken cancellationToken) =>
        logs.WriteAsync(new LogRecord
        {
            Namespace = job.Namespace,
            FlowId = job.FlowId,
            ExecutionId = job.ExecutionId,
            TaskRunId = job.TaskRunId,
            TaskId = job.TaskId,
            Attempt = job.Attempt,
            Timestamp = clock.GetUtcNow(),
            Level = level,
            Message = message,
        }, cancellationToken);
}
