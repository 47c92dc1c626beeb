using System.Globalization;

namespace Kite.Core.Time;

/// <summary>Checks cron expressions as Kestra's Schedule accepts them: 5 fields (6 with seconds) or an <c>@daily</c>-style macro.</summary>
public static class CronSyntax
{
    private static readonly string[] Macros = ["@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly"];
    private static readonly string[] Months = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
    private static readonly string[] Days = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

    private sealed record Field(string Name, int Min, int Max, string[]? Names, bool AllowsSpecial);

    private static readonly Field Second = new("second", 0, 59, null, false);
    private static readonly Field[] Standard =
    [
        new("minute", 0, 59, null, false),
        new("hour", 0, 23, null, false),
        new("day of month", 1, 31, null, true),
        new("month", 1, 12, Months, false),
        new("day of week", 0, 7, Days, true),
    ];

    /// <summary>Null when valid, else what is wrong.</summary>
    public static string? Check(string cron, bool withSeconds = false)
    {
        var text = cron.Trim();
        if (text.StartsWith('@'))
        {
            return Macros.Contains(text, StringComparer.OrdinalIgnoreCase) ? null : $"'{text}' is not a known cron macro (use @yearly, @monthly, @weekly, @daily or @hourly)";
        }
        var parts = text.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        Field[] fields = withSeconds ? [Second, .. Standard] : Standard;
        if (parts.Length != fields.Length)
        {
            return $"a cron expression needs {fields.Length} fields{(withSeconds ? " (withSeconds is true)" : "")}, '{text}' has {parts.Length}";
        }
        for (var i = 0; i < parts.Length; i++)
        {
            var error = CheckField(parts[i], fields[i]);
            if (error is not null)
            {
                return $"invalid {fields[i].Name} field '{parts[i]}': {error}";
            }
        }
        return null;
    }

    private static string? CheckField(string field, Field spec)
    {
        foreach (var item in field.Split(','))
        {
            var error = CheckItem(item, spec);
            if (error is not null)
            {
                return error;
            }
        }
        return null;
    }

    private static string? CheckItem(string item, Field spec)
    {
        if (item.Length == 0)
        {
            return "empty list item";
        }
        if (spec.AllowsSpecial && (item == "?" || item == "L" || item == "LW" || item.EndsWith('L') || item.EndsWith('W') || item.Contains('#')))
        {
            return CheckSpecial(item, spec);
        }
        var slash = item.Split('/');
        if (slash.Length > 2)
        {
            return "more than one '/'";
        }
        if (slash.Length == 2 && (!int.TryParse(slash[1], NumberStyles.None, CultureInfo.InvariantCulture, out var step) || step <= 0))
        {
            return $"step '{slash[1]}' must be a positive number";
        }
        var range = slash[0];
        if (range == "*")
        {
            return null;
        }
        var bounds = range.Split('-');
        if (bounds.Length > 2)
        {
            return "more than one '-'";
        }
        if (!TryValue(bounds[0], spec, out var low))
        {
            return $"'{bounds[0]}' is not between {spec.Min} and {spec.Max}";
        }
        if (bounds.Length == 2 && !TryValue(bounds[1], spec, out var high))
        {
            return $"'{bounds[1]}' is not between {spec.Min} and {spec.Max}";
        }
        return null;
    }

    private static string? CheckSpecial(string item, Field spec)
    {
        if (item is "?" or "L" or "LW")
        {
            return null;
        }
        if (item.Contains('#'))
        {
            var parts = item.Split('#');
            return parts.Length == 2 && TryValue(parts[0], spec, out _) && int.TryParse(parts[1], CultureInfo.InvariantCulture, out var nth) && nth is >= 1 and <= 5
                ? null
                : "expected DAY#N with N from 1 to 5";
        }
        return TryValue(item[..^1], spec, out _) ? null : $"'{item}' is not a valid value";
    }

    private static bool TryValue(string text, Field spec, out int value)
    {
        if (spec.Names is not null)
        {
            var index = Array.FindIndex(spec.Names, n => n.Equals(text, StringComparison.OrdinalIgnoreCase));
            if (index >= 0)
            {
                value = spec.Names == Months ? index + 1 : index;
                return true;
            }
        }
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= spec.Min && value <= spec.Max;
    }
}
