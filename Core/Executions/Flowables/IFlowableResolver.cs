using Kite.Core.Executions.Resolution;
using Kite.Core.Tasks;

namespace Kite.Core.Executions.Flowables;

/// <summary>
/// Decides, inside the executor step, what a running flowable task run needs next. May throw
/// <see cref="Expressions.ExpressionException"/>, which fails the flowable task run with that message.
/// </summary>
public interface IFlowableResolver
{
    Resolution.Resolution Resolve(FlowableTask task, TaskRun run, FlowableScope scope);
}
