using System.Collections;
using Kite.Core.Values;

namespace Kite.Core.Inputs;

/// <summary>YAML: any YAML document, read into maps and lists.</summary>
public sealed class YamlInput : Input
{
    public override InputType Type => InputType.Yaml;

    public override object Coerce(object value) =>
        value is IDictionary or IList
            ? value
            : PlainYaml.Parse(Text(value)) ?? throw new FormatException("an empty YAML document is not a value");
}
