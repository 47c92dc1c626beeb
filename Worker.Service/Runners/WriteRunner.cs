using System.Text;
using Kite.Core.Tasks.Storage;
using Kite.Worker.Jobs;

namespace Kite.Worker.Runners;

/// <summary>Renders <c>content</c> into a new internal-storage file with the given extension; outputs its <c>uri</c>.</summary>
public sealed class WriteRunner : TaskRunner<Write>
{
    protected override async Task<Dictionary<string, object?>?> RunAsync(Write task, TaskRunContext context, CancellationToken cancellationToken)
    {
        var content = new MemoryStream(Encoding.UTF8.GetBytes(context.RenderText(task.Content)));
        var file = await context.PutFileAsync(TaskRunContext.NewFileName(context.RenderText(task.Extension)), content, cancellationToken);
        return new() { ["uri"] = file.Uri.ToString() };
    }
}
