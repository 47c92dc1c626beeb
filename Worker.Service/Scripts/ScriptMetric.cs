using System.Globalization;
using Kite.Core.Values;

namespace Kite.Worker.Scripts;

/// <summary>One metric of a <see cref="ScriptMessage"/>.</summary>
public sealed record ScriptMetric(string Name, string Type, double Value, Dictionary<string, object?>? Tags)
{
    /// <summary>Null when the name is missing, the type is not counter or timer, or the value is not a number.</summary>
    public static ScriptMetric? From(Dictionary<string, object?> map)
    {
        var type = (map.GetValueOrDefault("type") as string)?.ToLowerInvariant();
        return map.GetValueOrDefault("name") is string { Length: > 0 } name && type is "counter" or "timer" && PlainValues.IsNumber(map.GetValueOrDefault("value"))
            ? new ScriptMetric(name, type, Convert.ToDouble(map["value"], CultureInfo.InvariantCulture), map.GetValueOrDefault("tags") as Dictionary<string, object?>)
            : null;
    }
}
