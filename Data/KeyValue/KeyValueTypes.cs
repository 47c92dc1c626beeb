using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml;

namespace Kite.Data.KeyValue;

/// <summary>Kestra's KV types, and the type a value is stored under when its writer does not name one.</summary>
#pragma warning disable CA1720 // the names are Kestra's type names
public static class KeyValueTypes
{
    public const string String = "STRING";
    public const string Number = "NUMBER";
    public const string Boolean = "BOOLEAN";
    public const string DateTime = "DATETIME";
    public const string Date = "DATE";
    public const string Duration = "DURATION";
    public const string Json = "JSON";

#pragma warning restore CA1720

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal) { String, Number, Boolean, DateTime, Date, Duration, Json };

    /// <summary>As Kestra does: numbers, booleans, objects and arrays by their JSON kind; strings that read as an ISO date-time, date or duration by that.</summary>
    public static string Infer(JsonNode? value) => value?.GetValueKind() switch
    {
        JsonValueKind.Number => Number,
        JsonValueKind.True or JsonValueKind.False => Boolean,
        JsonValueKind.Object or JsonValueKind.Array or JsonValueKind.Null or null => Json,
        _ => InferString(value.GetValue<string>()),
    };

    private static string InferString(string text)
    {
        if (text.Length >= 10 && text.Contains('T', StringComparison.Ordinal) &&
            DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out _))
        {
            return DateTime;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            return Date;
        }

        return text.StartsWith('P') && IsIsoDuration(text) ? Duration : String;
    }

    private static bool IsIsoDuration(string text)
    {
        try
        {
            XmlConvert.ToTimeSpan(text);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
        catch (OverflowException)
        {
            return false;
        }
    }
}
