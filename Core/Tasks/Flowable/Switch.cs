using Kite.Core.Validation;

namespace Kite.Core.Tasks.Flowable;

/// <summary><c>io.kestra.plugin.core.flow.Switch</c>: runs the case matching the rendered value, else <see cref="Defaults"/>.</summary>
public sealed class Switch : FlowableTask
{
    [Required]
    public string Value { get; set; } = "";

    public Dictionary<string, List<TaskDefinition>>? Cases { get; set; }

    public List<TaskDefinition>? Defaults { get; set; }

    protected override IEnumerable<IEnumerable<TaskDefinition>> Branches() =>
        [.. (Cases ?? []).Values, Defaults ?? []];
}
