using Kite.Core.Inputs;
using Kite.Core.Validation;

namespace Kite.Core.Tasks.Flowable;

/// <summary><c>io.kestra.plugin.core.flow.Pause</c>: pauses the execution until resumed, or for <see cref="PauseDuration"/>.</summary>
public sealed class Pause : FlowableTask
{
    [Duration]
    public string? PauseDuration { get; set; }

    /// <summary>Deprecated alias of <see cref="PauseDuration"/>.</summary>
    [Duration]
    public string? Delay { get; set; }

    public PauseBehavior? Behavior { get; set; }

    public List<Input>? OnResume { get; set; }

    public TaskDefinition? OnPause { get; set; }

    /// <summary>Deprecated child tasks run after the pause.</summary>
    public List<TaskDefinition>? Tasks { get; set; }

    protected override IEnumerable<IEnumerable<TaskDefinition>> Branches() =>
        [OnPause is null ? [] : [OnPause], Tasks ?? []];
}
