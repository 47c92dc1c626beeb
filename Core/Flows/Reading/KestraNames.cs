using System.Text;

namespace Kite.Core.Flows.Reading;

/// <summary>Enum values as Kestra writes them: <c>RetryFailedTask</c> is <c>RETRY_FAILED_TASK</c>.</summary>
public static class KestraNames
{
    public static string Of(Enum value) => Of(value.ToString());

    public static string Of(string pascal)
    {
        var builder = new StringBuilder(pascal.Length + 4);
        for (var i = 0; i < pascal.Length; i++)
        {
            if (i > 0 && char.IsUpper(pascal[i]))
            {
                builder.Append('_');
            }
            builder.Append(char.ToUpperInvariant(pascal[i]));
        }
        return builder.ToString();
    }

    /// <summary>Reads <c>RETRY_FAILED_TASK</c>, <c>retry_failed_task</c> or <c>RetryFailedTask</c>.</summary>
    public static bool TryParse(Type enumType, string text, out object? value)
    {
        var wanted = text.Replace("_", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        foreach (var name in Enum.GetNames(enumType))
        {
            if (string.Equals(name, wanted, StringComparison.OrdinalIgnoreCase))
            {
                value = Enum.Parse(enumType, name);
                return true;
            }
        }
        value = null;
        return false;
    }
}
