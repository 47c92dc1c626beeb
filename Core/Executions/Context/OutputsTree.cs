namespace Kite.Core.Executions.Context;

/// <summary>
/// <c>outputs.&lt;taskId&gt;</c> for an execution, built once per step: a run's outputs are referenced, never cloned;
/// runs inside loops are nested by their loop values, outermost first (<c>outputs.t.&lt;value&gt;.x</c>), and only the
/// runs of the same task id share a nested map.
/// </summary>
public static class OutputsTree
{
    public static Dictionary<string, object?> Build(Execution execution)
    {
        var tree = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var run in execution.TaskRuns)
        {
            if (run.Outputs is null)
            {
                continue;
            }

            var values = LoopValues(run, execution);
            if (values.Count == 0)
            {
                tree[run.TaskId] = run.Outputs;
                continue;
            }

            var node = Branch(tree, run.TaskId);
            foreach (var value in values.Take(values.Count - 1))
            {
                node = Branch(node, value);
            }

            node[values[^1]] = run.Outputs;
        }

        return tree;
    }

    /// <summary>The loop values of a run and of its ancestors, outermost first.</summary>
    public static List<string> LoopValues(TaskRun run, Execution execution)
    {
        var values = new List<string>();
        for (TaskRun? current = run; current is not null; current = current.ParentTaskRunId is { } parent ? execution.FindTaskRun(parent) : null)
        {
            if (current.Value is not null)
            {
                values.Add(current.Value);
            }
        }

        values.Reverse();
        return values;
    }

    private static Dictionary<string, object?> Branch(Dictionary<string, object?> node, string key)
    {
        if (node.TryGetValue(key, out var existing) && existing is Dictionary<string, object?> branch)
        {
            return branch;
        }

        branch = new Dictionary<string, object?>(StringComparer.Ordinal);
        node[key] = branch;
        return branch;
    }
}
