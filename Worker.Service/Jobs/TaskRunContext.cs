using Kite.Core.Expressions;
using Kite.Core.Flows;
using Kite.Data.Logs;
using Kite.Messaging.Contracts;
using Kite.ServiceDefaults.Jobs;

namespace Kite.Worker.Jobs;

/// <summary>What a task runner sees: the render context of its task run, and its log.</summary>
public sealed class TaskRunContext(WorkerJob job, Flow flow, RenderContext render, LogWriter logs, TimeProvider clock)
{
    public WorkerJob Job => job;
    public Flow Flow => flow;
    public RenderContext Render => render;

    public string RenderText(string template) => TemplateEngine.Render(template, render);

    public ValueTask LogAsync(string level, string message, CancellationToken cancellationToken) =>
        logs.WriteAsync(job.LogLine(clock.GetUtcNow(), level, message), cancellationToken);
}
