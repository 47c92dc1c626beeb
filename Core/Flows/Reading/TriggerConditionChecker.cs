using System.Text.RegularExpressions;
using Kite.Core.Expressions;
using Kite.Core.Scheduling;
using Kite.Core.Triggers;
using Kite.Core.Triggers.Conditions;
using Kite.Core.Validation;
using HolidayCondition = Kite.Core.Triggers.Conditions.PublicHoliday;

namespace Kite.Core.Flows.Reading;

/// <summary>
/// What a trigger's conditions must hold to be evaluated: a PublicHoliday names a country (and subdivision) Kite has
/// the calendar of, a MultipleCondition stands among a Flow trigger's own conditions, and a preconditions
/// <c>where</c> filter has the value (or values) its type compares with. Expressions are checked when rendered.
/// </summary>
internal static class TriggerConditionChecker
{
    public static void Check(Trigger trigger, FlowValidator.Context context)
    {
        foreach (var condition in trigger.Conditions ?? [])
        {
            Check(condition, context, topLevel: true);
        }

        if (trigger is FlowTrigger { Preconditions.Where: { } where })
        {
            foreach (var filter in where.SelectMany(w => w.Filters))
            {
                CheckFilter(filter, context);
            }
        }
    }

    private static void Check(Condition condition, FlowValidator.Context context, bool topLevel)
    {
        switch (condition)
        {
            case HolidayCondition holiday:
                CheckHoliday(holiday, context);
                break;
            case MultipleCondition multiple:
                if (!topLevel)
                {
                    context.Add(multiple.Location.Child("type"), ViolationKind.InvalidValue,
                        "MultipleCondition waits for several executions, so it can only be one of a Flow trigger's conditions, not inside Not or Or");
                }

                foreach (var named in multiple.Conditions.Values)
                {
                    Check(named, context, topLevel: false);
                }

                break;
            case Not not:
                not.Conditions.ForEach(c => Check(c, context, topLevel: false));
                break;
            case Or or:
                or.Conditions.ForEach(c => Check(c, context, topLevel: false));
                break;
        }
    }

    private static void CheckHoliday(HolidayCondition holiday, FlowValidator.Context context)
    {
        if (string.IsNullOrWhiteSpace(holiday.Country))
        {
            context.Add(holiday.Location.Child("country"), ViolationKind.MissingProperty,
                "PublicHoliday needs a country (an ISO 3166-1 alpha-2 code such as FR): Kite has no default locale to take it from");
            return;
        }

        if (TemplateEngine.HasExpression(holiday.Country))
        {
            return;
        }

        if (HolidayCalendars.Problem(holiday.Country, null) is { } country)
        {
            context.Add(holiday.Location.Child("country"), ViolationKind.InvalidValue, country);
        }
        else if (holiday.SubDivision is { } sub && !TemplateEngine.HasExpression(sub) && HolidayCalendars.Problem(holiday.Country, sub) is { } subDivision)
        {
            context.Add(holiday.Location.Child("subDivision"), ViolationKind.InvalidValue, subDivision);
        }
    }

    private static void CheckFilter(FilterCondition filter, FlowValidator.Context context)
    {
        if (filter.Type is not { } type || filter.Field is not { } field)
        {
            return; // reported as missing
        }

        var listed = type is FilterType.In or FilterType.NotIn;
        var needsValue = field is FilterField.Expression or FilterField.Label
            || type is FilterType.EqualTo or FilterType.NotEqualTo or FilterType.StartsWith or FilterType.EndsWith or FilterType.Contains or FilterType.Regex;
        if (listed && filter.Values is null)
        {
            context.Add(filter.Location.Child("values"), ViolationKind.MissingProperty, $"a {KestraNames.Of(type)} filter compares with 'values', a list");
        }
        else if (!listed && needsValue && filter.Value is null)
        {
            context.Add(filter.Location.Child("value"), ViolationKind.MissingProperty,
                $"a {KestraNames.Of(type)} filter on {KestraNames.Of(field)} needs a 'value'");
        }
        else if (type == FilterType.Regex && filter.Value is { } pattern && !IsRegex(pattern))
        {
            context.Add(filter.Location.Child("value"), ViolationKind.InvalidValue, $"'{pattern}' is not a regular expression");
        }
    }

    private static bool IsRegex(string pattern)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
