using System.Collections;
using System.Text.Json;
using Kite.Core.Values;

namespace Kite.Core.Inputs;

/// <summary>JSON: any JSON document, read into maps and lists.</summary>
public sealed class JsonInput : Input
{
    public override InputType Type => InputType.Json;

    public override object Coerce(object value)
    {
        if (value is IDictionary or IList)
        {
            return value;
        }
        try
        {
            return PlainJson.Parse(Text(value)) ?? throw new FormatException("JSON null is not a value");
        }
        catch (JsonException e)
        {
            throw new FormatException($"not valid JSON: {e.Message}");
        }
    }
}
