using Kite.Core.Validation;

namespace Kite.Core.Tasks.Flowable;

/// <summary>
/// <c>io.kestra.plugin.core.flow.ForEach</c>: runs its tasks once per value (a list, a JSON string or an expression),
/// at most <see cref="ConcurrencyLimit"/> values at once (1: one after the other; 0: all at once).
/// </summary>
public sealed class ForEach : FlowableTask
{
    [Required]
    public object? Values { get; set; }

    public int ConcurrencyLimit { get; set; } = 1;

    [Required, NotEmpty]
    public List<TaskDefinition> Tasks { get; set; } = [];

    protected override IEnumerable<IEnumerable<TaskDefinition>> Branches() => [Tasks];
}
