using Kite.Core.Flows;

namespace Kite.Core.Tasks;

/// <summary>Which workers may run a task (an Enterprise feature, read and kept).</summary>
public sealed class WorkerGroup : FlowElement
{
    public string? Key { get; set; }

    public string? Fallback { get; set; }
}
