using Kite.Core.Validation;

namespace Kite.Core.Flows;

/// <summary>How many executions of the flow may run at once, and what happens to the next one.</summary>
public sealed class Concurrency : FlowElement
{
    [Required]
    public int Limit { get; set; }

    public ConcurrencyBehavior Behavior { get; set; } = ConcurrencyBehavior.Queue;
}
