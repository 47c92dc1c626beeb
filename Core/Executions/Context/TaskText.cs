using System.Collections;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;
using Kite.Core.Tasks;
using Kite.Core.Validation;

namespace Kite.Core.Executions.Context;

/// <summary>
/// Every text a task's properties hold (templates included), joined once per task and cached. A job carries only the
/// variables its task can refer to: a task that never names another task's id does not receive that task's outputs,
/// so a 2,000-iteration loop does not ship 2,000 outputs with every job.
/// </summary>
public static class TaskText
{
    private static readonly ConditionalWeakTable<TaskDefinition, string> Texts = [];

    public static string Of(TaskDefinition task) => Texts.GetValue(task, t =>
    {
        var builder = new StringBuilder();
        Collect(t, builder, t, depth: 0);
        return builder.ToString();
    });

    private static void Collect(object? value, StringBuilder builder, TaskDefinition root, int depth)
    {
        switch (value)
        {
            case null:
                return;
            case string text:
                builder.Append(text).Append('\n');
                return;
            case TaskDefinition other when !ReferenceEquals(other, root):
                return;
            case IDictionary map:
                foreach (DictionaryEntry entry in map)
                {
                    Collect(entry.Key, builder, root, depth + 1);
                    Collect(entry.Value, builder, root, depth + 1);
                }

                return;
            case IEnumerable list:
                foreach (var item in list)
                {
                    Collect(item, builder, root, depth + 1);
                }

                return;
        }

        var type = value.GetType();
        if (depth > 8 || type.IsPrimitive || type.IsEnum || type.Namespace?.StartsWith("Kite.Core", StringComparison.Ordinal) != true)
        {
            return;
        }

        // What the YAML did not say (a task's source location, whose path reads "tasks[0]") is not the task's text.
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0 && !p.IsDefined(typeof(NotInYamlAttribute))))
        {
            Collect(property.GetValue(value), builder, root, depth + 1);
        }
    }
}
