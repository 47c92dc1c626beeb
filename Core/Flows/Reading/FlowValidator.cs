using Kite.Core.Inputs;
using Kite.Core.Tasks;
using Kite.Core.Tasks.Flowable;
using Kite.Core.Time;
using Kite.Core.Triggers;
using Kite.Core.Validation;
using YamlDotNet.Core;

namespace Kite.Core.Flows.Reading;

/// <summary>The checks that need the whole flow: unique ids, cron syntax, trigger conditions, Dag dependencies and input defaults.</summary>
internal static class FlowValidator
{
    public static void Validate(Flow flow, IReadOnlyDictionary<string, (int Line, int Column)> marks, List<Violation> violations)
    {
        var context = new Context(marks, violations);
        CheckUnique(context, flow.AllTasks().Where(t => t is not null).Select(t => (t.Id, t.Location.Path)), "task");
        CheckUnique(context, (flow.Triggers ?? []).Select(t => (t.Id, t.Location.Path)), "trigger");
        CheckUnique(context, (flow.Inputs ?? []).Select(i => (i.Id, i.Location.Path)), "input");
        CheckUnique(context, (flow.Outputs ?? []).Select(o => (o.Id, o.Location.Path)), "output");
        foreach (var schedule in (flow.Triggers ?? []).OfType<Schedule>())
        {
            if (schedule.Cron.Length > 0 && CronSyntax.Check(schedule.Cron, schedule.WithSeconds) is { } error)
            {
                context.Add(schedule.Location.Child("cron"), ViolationKind.InvalidCron, error);
            }
            foreach (var condition in (schedule.ScheduleConditions ?? []).Where(c => !c.OnSchedule))
            {
                context.Add(condition.Location.Child("type"), ViolationKind.InvalidValue,
                    $"'{condition.Type}' is not a schedule condition: scheduleConditions only take conditions on the trigger date (DayWeek, DateTimeBetween, Weekend...)");
            }
        }
        foreach (var trigger in flow.Triggers ?? [])
        {
            TriggerConditionChecker.Check(trigger, context);
        }
        foreach (var dag in flow.AllTasks().OfType<Dag>())
        {
            DagChecker.Check(dag, context);
        }
        CheckDefaults(context, flow.Inputs);
        foreach (var pause in flow.AllTasks().OfType<Pause>())
        {
            CheckDefaults(context, pause.OnResume);
        }
    }

    private static void CheckUnique(Context context, IEnumerable<(string Id, string Path)> items, string what)
    {
        var first = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (id, path) in items)
        {
            if (id.Length == 0)
            {
                continue;
            }
            if (!first.TryAdd(id, path))
            {
                context.Add($"{path}.id", ViolationKind.DuplicateId, $"duplicate {what} id '{id}', already used at {first[id]}");
            }
        }
    }

    private static void CheckDefaults(Context context, List<Input>? inputs)
    {
        foreach (var input in inputs ?? [])
        {
            if (input.Defaults is null || input.Defaults is string s && Expressions.TemplateEngine.HasExpression(s))
            {
                continue;
            }
            if (input is YamlInput && input.Defaults is string yaml && RefusedYaml(yaml) is { } refused)
            {
                context.Add(input.Location.Child("defaults"), ViolationKind.InvalidInputDefault, $"invalid default for input '{input.Id}' of type YAML: {refused}");
                continue;
            }
            try
            {
                input.Coerce(input.Defaults);
            }
            catch (FormatException e)
            {
                context.Add(input.Location.Child("defaults"), ViolationKind.InvalidInputDefault, $"invalid default for input '{input.Id}' of type {KestraNames.Of(input.Type)}: {e.Message}");
            }
        }
    }

    /// <summary>A YAML default is loaded as YAML in turn, by the same recursive loader: its shape is checked first, as the flow's is.</summary>
    private static string? RefusedYaml(string yaml)
    {
        try
        {
            return YamlLimits.Check(yaml)?.Message;
        }
        catch (YamlException)
        {
            return null; // not YAML at all: coercing it says so
        }
    }

    internal sealed class Context(IReadOnlyDictionary<string, (int Line, int Column)> marks, List<Violation> violations)
    {
        public void Add(string path, ViolationKind kind, string message)
        {
            var (line, column) = Mark(path);
            violations.Add(new Violation(path, line, column, kind, message));
        }

        private (int, int) Mark(string path)
        {
            for (var p = path; p.Length > 0; p = Parent(p))
            {
                if (marks.TryGetValue(p, out var mark))
                {
                    return mark;
                }
            }
            return (1, 1);
        }

        private static string Parent(string path)
        {
            var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
            return cut <= 0 ? "" : path[..cut];
        }
    }
}
