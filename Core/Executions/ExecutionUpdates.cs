using Kite.Core.Executions.Context;
using Kite.Core.Expressions;
using Kite.Core.Tasks;
using Kite.Core.Tasks.ExecutionControl;

namespace Kite.Core.Executions;

/// <summary>The tasks that change the execution itself, carried out inside the executor step: Labels, SetVariables, UnsetVariables, Exit.</summary>
public static class ExecutionUpdates
{
    /// <summary>Applies the task; returns the state Exit asks the execution to end in, if it is an Exit.</summary>
    public static State? Apply(TaskDefinition task, Execution execution, RenderContext context)
    {
        switch (task)
        {
            case Labels labels:
                foreach (var label in labels.Values)
                {
                    execution.Labels[TemplateEngine.Render(label.Key, context)] = TemplateEngine.Render(label.Value, context);
                }

                return null;
            case SetVariables set:
                foreach (var (name, value) in set.Variables)
                {
                    if (!set.Overwrite && execution.Variables.ContainsKey(name))
                    {
                        throw new TaskFailedException($"variable '{name}' already exists and overwrite is false");
                    }

                    execution.Variables[name] = ValueRenderer.Render(value, context);
                }

                return null;
            case UnsetVariables unset:
                foreach (var name in unset.Variables.Select(v => TemplateEngine.Render(v, context)))
                {
                    if (!execution.Variables.Remove(name) && !unset.IgnoreMissing)
                    {
                        throw new TaskFailedException($"variable '{name}' is not set (set ignoreMissing: true to allow this)");
                    }
                }

                return null;
            case Exit exit:
                return exit.State switch
                {
                    ExitState.Success => State.Success,
                    ExitState.Warning => State.Warning,
                    ExitState.Killed => State.Killed,
                    ExitState.Failed => State.Failed,
                    _ => State.Cancelled,
                };
            default:
                throw new TaskFailedException($"{task.Type} does not update executions");
        }
    }
}
