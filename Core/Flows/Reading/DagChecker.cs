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
        var edges = nodes.ToDictionary(n => n.Task.Id, n => n.DependsOn ?? [], StringComparer.Ordinal);
        var state = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            var path = new List<string>();
            if (FindCycle(node.Task.Id, edges, state, path) is { } cycle)
            {
                context.Add(node.Location.Child("dependsOn"), ViolationKind.DagCycle,
                    $"Dag '{dag.Id}' has a cycle: {string.Join(" -> ", cycle)}");
                return;
            }
        }
    }

    private static List<string>? FindCycle(string id, Dictionary<string, List<string>> edges, Dictionary<string, int> state, List<string> path)
    {
        if (state.GetValueOrDefault(id) == 2 || !edges.TryGetValue(id, out var dependencies))
        {
            return null;
        }
        if (state.GetValueOrDefault(id) == 1)
        {
            return [.. path.Skip(path.IndexOf(id)), id];
        }
        state[id] = 1;
        path.Add(id);
        foreach (var next in dependencies)
        {
            if (FindCycle(next, edges, state, path) is { } cycle)
            {
                return cycle;
            }
        }
        path.RemoveAt(path.Count - 1);
        state[id] = 2;
        return null;
    }
}
