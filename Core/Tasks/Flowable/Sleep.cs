using Kite.Core.Validation;

namespace Kite.Core.Tasks.Flowable;

/// <summary><c>io.kestra.plugin.core.flow.Sleep</c>: waits on a worker for <see cref="Duration"/>, from the waiting queue.</summary>
public sealed class Sleep : RunnableTask, IWaitingTask
{
    [Required, Duration]
    public string Duration { get; set; } = "";
}
