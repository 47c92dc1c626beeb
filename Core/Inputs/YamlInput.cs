using System.Collections;
using Kite.Core.Flows.Reading;
using Kite.Core.Values;
using YamlDotNet.Core;

namespace Kite.Core.Inputs;

/// <summary>
/// YAML: any YAML document, read into maps and lists. Its shape is checked on the event stream first, with the limits
/// of flow YAML (nesting, aliases that multiply), so that an input cannot do what a flow may not.
/// </summary>
public sealed class YamlInput : Input
{
    public override InputType Type => InputType.Yaml;

    public override object Coerce(object value)
    {
        if (value is IDictionary or IList)
        {
            return value;
        }

        var text = Text(value);
        try
        {
            if (YamlLimits.Check(text) is { } refused)
            {
                throw new FormatException(refused.Message);
            }
        }
        catch (YamlException e)
        {
            throw new FormatException($"not valid YAML: {e.Message}", e);
        }

        return PlainYaml.Parse(text) ?? throw new FormatException("an empty YAML document is not a value");
    }
}
