using System.Globalization;
using Kite.Core.Expressions;
using Kite.Core.Flows;
using Kite.Core.Values;
using Kite.Data.Logs;
using Kite.Data.Metrics;
using Kite.Data.Records;
using Kite.Data.Storage;
using Kite.Messaging.Contracts;
using Kite.ServiceDefaults.Jobs;

namespace Kite.Worker.Jobs;

/// <summary>
/// What a task runner sees: the render context of its task run, its log (with the secrets it read masked), its
/// metrics and its files.
/// </summary>
public sealed class TaskRunContext(
    WorkerJob job, Flow flow, RenderContext render, LogWriter logs, MetricWriter metrics, IInternalStorage storage, TimeProvider clock, SecretMask mask)
{

    public WorkerJob Job => job;
    public Flow Flow => flow;
    public RenderContext Render => render;
    public IInternalStorage Storage => storage;

    public string RenderText(string template) => TemplateEngine.Render(template, render);

    /// <summary>Set by a runner whose task succeeded with a warning (a script that wrote to stderr): the run ends WARNING.</summary>
    public bool Warning { get; set; }

    /// <summary>The same task run, rendering with more variables (a script's <c>workingDir</c>, <c>outputDir</c>).</summary>
    public TaskRunContext With(IReadOnlyDictionary<string, object?> variables)
    {
        var merged = new Dictionary<string, object?>(render.Variables);
        foreach (var (name, value) in variables)
        {
            merged[name] = value;
        }

        var extended = new RenderContext(merged)
        {
            Secrets = render.Secrets,
            Kv = render.Kv,
            Files = render.Files,
            Random = render.Random,
            Time = render.Time,
            ErrorLogs = render.ErrorLogs,
            Namespace = render.Namespace,
        };
        return new TaskRunContext(job, flow, extended, logs, metrics, storage, clock, mask);
    }

    public ValueTask LogAsync(string level, string message, CancellationToken cancellationToken) =>
        logs.WriteAsync(job.LogLine(clock.GetUtcNow(), level, mask.Apply(message)), cancellationToken);

    /// <summary>Records a counter (a number to add) or a timer (seconds) of this task run.</summary>
    public ValueTask MetricAsync(string name, string type, double value, IReadOnlyDictionary<string, object?>? tags, CancellationToken cancellationToken) =>
        metrics.WriteAsync(new MetricRecord
        {
            Namespace = job.Namespace,
            FlowId = job.FlowId,
            ExecutionId = job.ExecutionId,
            TaskRunId = job.TaskRunId,
            TaskId = job.TaskId,
            Name = name,
            Type = type,
            Value = value,
            Tags = tags is null or { Count: 0 } ? null : PlainJson.Write(tags),
            Timestamp = clock.GetUtcNow(),
        }, cancellationToken);

    /// <summary>Stores a file of this task run (<c>.../tasks/{taskId}/{taskRunId}/{fileName}</c>); returns its URI and size.</summary>
    public async Task<StoredFile> PutFileAsync(string fileName, Stream content, CancellationToken cancellationToken)
    {
        var uri = StorageUri.ForTaskRun(job.Namespace, job.FlowId, job.ExecutionId, job.TaskId, job.TaskRunId, fileName);
        return new StoredFile(uri, await storage.PutAsync(uri, content, cancellationToken));
    }

    /// <summary>A fresh file name with the extension, as Kestra names task files (unique per call).</summary>
    public static string NewFileName(string extension) =>
        Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture)[..22] + (extension.StartsWith('.') || extension.Length == 0 ? extension : "." + extension);
}
