using Kite.Core.Tasks;
using Kite.Worker.Jobs;

namespace Kite.Worker.Runners;

/// <summary>
/// Runs one task type on a worker and returns its outputs. A failure is an exception: <see cref="Core.Executions.TaskFailedException"/>
/// or <see cref="Core.Expressions.ExpressionException"/> with a message for the user.
/// </summary>
public interface ITaskRunner
{
    Type TaskType { get; }

    Task<Dictionary<string, object?>?> RunAsync(TaskDefinition task, TaskRunContext context, CancellationToken cancellationToken);
}
