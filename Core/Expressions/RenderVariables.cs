namespace Kite.Core.Expressions;

/// <summary>Builds the root variables of a <see cref="RenderContext"/> under Kestra's names.</summary>
public sealed class RenderVariables
{
    private readonly Dictionary<string, object?> variables = new(StringComparer.Ordinal);

    public RenderVariables Set(string name, object? value)
    {
        variables[name] = value;
        return this;
    }

    public RenderVariables Inputs(IReadOnlyDictionary<string, object?> inputs) => Set("inputs", inputs);

    public RenderVariables Outputs(IReadOnlyDictionary<string, object?> outputs) => Set("outputs", outputs);

    public RenderVariables Vars(IReadOnlyDictionary<string, object?> vars) => Set("vars", vars);

    public RenderVariables Labels(IReadOnlyDictionary<string, object?> labels) => Set("labels", labels);

    public RenderVariables Envs(IReadOnlyDictionary<string, object?> envs) => Set("envs", envs);

    public RenderVariables Trigger(IReadOnlyDictionary<string, object?> trigger) => Set("trigger", trigger);

    public RenderVariables Flow(string id, string @namespace, int revision) =>
        Set("flow", new Dictionary<string, object?> { ["id"] = id, ["namespace"] = @namespace, ["revision"] = (long)revision });

    public RenderVariables Execution(string id, string state, DateTimeOffset startDate, string? originalId = null, IReadOnlyDictionary<string, object?>? outputs = null)
    {
        var execution = new Dictionary<string, object?> { ["id"] = id, ["state"] = state, ["startDate"] = startDate, ["originalId"] = originalId ?? id };
        if (outputs is not null)
        {
            execution["outputs"] = outputs;
        }
        return Set("execution", execution);
    }

    public RenderVariables Task(string id, string type) =>
        Set("task", new Dictionary<string, object?> { ["id"] = id, ["type"] = type });

    /// <summary><c>taskrun</c>; <paramref name="value"/> and <paramref name="iteration"/> are set inside loops.</summary>
    public RenderVariables TaskRun(string id, DateTimeOffset startDate, int attemptsCount, string? parentId = null, object? value = null, int? iteration = null)
    {
        var taskRun = new Dictionary<string, object?> { ["id"] = id, ["startDate"] = startDate, ["attemptsCount"] = (long)attemptsCount };
        if (parentId is not null)
        {
            taskRun["parentId"] = parentId;
        }
        if (value is not null)
        {
            taskRun["value"] = value;
        }
        if (iteration is not null)
        {
            taskRun["iteration"] = (long)iteration.Value;
        }
        return Set("taskrun", taskRun);
    }

    /// <summary><c>parents</c>, closest first; <c>parent</c> is the first of them. Each is <c>{taskrun: {value...}, outputs: {...}}</c>.</summary>
    public RenderVariables Parents(IReadOnlyList<IReadOnlyDictionary<string, object?>> parents)
    {
        Set("parents", parents.Cast<object?>().ToList());
        return parents.Count > 0 ? Set("parent", parents[0]) : this;
    }

    /// <summary><c>tasks.&lt;id&gt;.state</c>.</summary>
    public RenderVariables TaskStates(IReadOnlyDictionary<string, string> states) =>
        Set("tasks", states.ToDictionary(s => s.Key, s => (object?)new Dictionary<string, object?> { ["state"] = s.Value }));

    public IReadOnlyDictionary<string, object?> Build() => new Dictionary<string, object?>(variables, StringComparer.Ordinal);
}
