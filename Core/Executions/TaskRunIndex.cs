namespace Kite.Core.Executions;

/// <summary>
/// Finds an execution's runs by id without scanning them: positions are indexed as runs are appended, and a position
/// that no longer holds its run (runs were removed) makes the index start again. A step of a 10,000-run loop then
/// looks a run up in constant time instead of reading every run before it.
/// </summary>
public sealed class TaskRunIndex(List<TaskRun> runs)
{
    private readonly Dictionary<string, int> positions = new(StringComparer.Ordinal);
    private int indexed;

    public TaskRun? Find(string id)
    {
        if (indexed > runs.Count)
        {
            Restart();
        }

        if (At(id) is { } known)
        {
            return known;
        }

        if (positions.ContainsKey(id))
        {
            // Indexed where it is no longer: runs were removed, so every position after it moved.
            Restart();
        }

        for (; indexed < runs.Count; indexed++)
        {
            positions[runs[indexed].Id] = indexed;
        }

        return At(id);
    }

    private TaskRun? At(string id) =>
        positions.TryGetValue(id, out var at) && at < runs.Count && runs[at].Id == id ? runs[at] : null;

    private void Restart()
    {
        positions.Clear();
        indexed = 0;
    }
}
