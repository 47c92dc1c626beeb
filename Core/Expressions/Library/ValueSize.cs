using System.Collections;

namespace Kite.Core.Expressions.Library;

/// <summary>
/// How deep a list or map an expression builds nests and, roughly, how long it prints. A list can hold the same list twice,
/// so a few <c>{% set l = [l, l] %}</c> in a loop would print (or serialize) more than memory holds, and <c>{% set l = [l] %}</c>
/// would nest deeper than the recursive printers and comparisons have stack for.
/// </summary>
internal static class ValueSize
{
    /// <summary>Twice the depth of any JSON the host parses (64), and shallow enough for the recursive printers.</summary>
    public const int MaxDepth = 128;

    // The shortest a number, date, boolean or null prints: the measure is a lower bound, cheap to take.
    private const int ScalarLength = 4;

    /// <summary>Null when <paramref name="value"/> fits the budget, else what is wrong with it, to follow the name of what built it.</summary>
    public static string? Excess(object? value, RenderBudget budget)
    {
        if (value is not (IDictionary or IList))
        {
            return null;
        }
        var room = (long)budget.MaxLength;
        return Measure(value, 1, ref room)
            ? null
            : room < 0 ? $"would print longer than the render's limit of {budget.MaxLength} characters" : $"would nest deeper than {MaxDepth} levels";
    }

    // Stops at the first item past the room, so a list holding itself a million times over costs no more than the limit.
    private static bool Measure(object? value, int depth, ref long room)
    {
        switch (value)
        {
            case string s:
                room -= s.Length + 2;
                return room >= 0;
            case IDictionary map:
                if (depth > MaxDepth)
                {
                    return false;
                }
                room -= 2;
                foreach (DictionaryEntry entry in map)
                {
                    room -= (entry.Key as string)?.Length + 4 ?? ScalarLength;
                    if (!Measure(entry.Value, depth + 1, ref room))
                    {
                        return false;
                    }
                }
                return room >= 0;
            case IList list:
                if (depth > MaxDepth)
                {
                    return false;
                }
                room -= 2;
                foreach (var item in list)
                {
                    room -= 1;
                    if (!Measure(item, depth + 1, ref room))
                    {
                        return false;
                    }
                }
                return room >= 0;
            default:
                room -= ScalarLength;
                return room >= 0;
        }
    }
}
