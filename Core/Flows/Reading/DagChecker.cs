using Kite.Core.Tasks.Flowable;
using Kite.Core.Validation;

namespace Kite.Core.Flows.Reading;

/// <summary>A Dag's <c>dependsOn</c> must name sibling tasks and must not loop.</summary>
internal static class DagChecker
{
    public static void Check(Dag dag, FlowValidator.Context context)
    {
        var nodes = dag.Tasks.Where(t => t.Task is not null).ToList();
        var ids = nodes.Select(n => n.Task.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            for (var i = 0; i < (node.DependsOn?.Count ?? 0); i++)
            {
                var dependency = node.DependsOn![i];
                if (!ids.Contains(dependency))
                {
                    context.Add($"{node.Location.Child("dependsOn")}[{i}]", ViolationKind.UnknownDependency,
                        $"task '{node.Task.Id}' depends on '{dependency}', which is not a task of Dag '{dag.Id}'");
                }
            }
        }
        // A duplicate id is reported as such by the validator: the first task of that id stands for it here.
        var edges = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            edges.TryAdd(node.Task.Id, node.DependsOn ?? []);
        }
        var state = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            if (FindCycle(node.Task.Id, edges, state) is { } cycle)
            {
                context.Add(node.Location.Child("dependsOn"), ViolationKind.DagCycle,
                    $"Dag '{dag.Id}' has a cycle: {string.Join(" -> ", cycle)}");
                return;
            }
        }
    }

    /// <summary>
    /// Depth-first along dependsOn (1: on the current path, 2: explored), with its own stack rather than the call stack:
    /// a chain of tasks each depending on the next is as long as the flow, and would overflow it.
    /// </summary>
    private static List<string>? FindCycle(string start, Dictionary<string, List<string>> edges, Dictionary<string, int> state)
    {
        if (state.GetValueOrDefault(start) == 2 || !edges.ContainsKey(start))
        {
            return null;
        }
        var path = new List<string> { start };
        var next = new List<int> { 0 };
        state[start] = 1;
        while (path.Count > 0)
        {
            var top = path.Count - 1;
            var dependencies = edges[path[top]];
            if (next[top] == dependencies.Count)
            {
                state[path[top]] = 2;
                path.RemoveAt(top);
                next.RemoveAt(top);
                continue;
            }
            var id = dependencies[next[top]++];
            var seen = state.GetValueOrDefault(id);
            if (seen == 2 || !edges.ContainsKey(id))
            {
                continue;
            }
            if (seen == 1)
            {
                return [.. path.Skip(path.IndexOf(id)), id];
            }
            state[id] = 1;
            path.Add(id);
            next.Add(0);
        }
        return null;
    }
}
