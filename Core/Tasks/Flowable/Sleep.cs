using Kite.Core.Validation;

namespace Kite.Core.Tasks.Flowable;

/// <summary><c>io.kestra.plugin.core.flow.Sleep</c>: waits on a worker for <see cref="Duration"/>.</summary>
public sealed class Sleep : RunnableTask
{
    [Required, Duration]
    public string Duration { get; set; } = "";
}
