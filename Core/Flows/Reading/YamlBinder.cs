using System.Collections;
using Kite.Core.Expressions;
using Kite.Core.Time;
using Kite.Core.Validation;
using Kite.Core.Values;
using YamlDotNet.RepresentationModel;

namespace Kite.Core.Flows.Reading;

/// <summary>
/// Reads YAML nodes into the model classes, reporting every violation it meets (unknown keys, missing keys,
/// wrong types, unknown types, bad ids and durations) instead of stopping at the first.
/// </summary>
internal sealed class YamlBinder(List<Violation> violations)
{
    private static readonly object Invalid = new();

    /// <summary>The line and column of every path read, for checks made after binding.</summary>
    public Dictionary<string, (int Line, int Column)> Marks { get; } = new(StringComparer.Ordinal);

    public T? Bind<T>(YamlNode node, string path)
        where T : class
    {
        var value = Read(node, typeof(T), path, null);
        return value == Invalid ? null : value as T;
    }

    private object? Read(YamlNode node, Type type, string path, PropertyMeta? meta)
    {
        Marks[path] = ((int)node.Start.Line, (int)node.Start.Column);
        if (type == typeof(object))
        {
            return PlainYaml.ToPlain(node);
        }
        if (PlainYaml.IsNull(node))
        {
            return null;
        }
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying == typeof(string))
        {
            return ReadString(node, path, meta);
        }
        if (underlying == typeof(bool) || underlying == typeof(int) || underlying == typeof(long) || underlying == typeof(double)
            || underlying == typeof(DateTimeOffset) || underlying == typeof(DateOnly) || underlying == typeof(TimeOnly))
        {
            return ReadScalar(node, underlying, path);
        }
        if (underlying.IsEnum)
        {
            return ReadEnum(node, underlying, path);
        }
        if (underlying == typeof(Label))
        {
            return ReadLabel(node, path);
        }
        if (underlying.IsGenericType)
        {
            var definition = underlying.GetGenericTypeDefinition();
            var arguments = underlying.GetGenericArguments();
            if (definition == typeof(Property<>))
            {
                return ReadProperty(node, arguments[0], path);
            }
            if (definition == typeof(List<>))
            {
                return ReadList(node, underlying, arguments[0], path, meta);
            }
            if (definition == typeof(Dictionary<,>))
            {
                return ReadMap(node, underlying, arguments[1], path);
            }
        }
        return ReadObject(node, underlying, path);
    }

    private object? ReadString(YamlNode node, string path, PropertyMeta? meta)
    {
        if (node is not YamlScalarNode scalar)
        {
            return WrongType(node, path, "a string");
        }
        var text = scalar.Value ?? "";
        if (meta?.Id is { } kind && IdPatterns.Check(kind, text) is { } idError)
        {
            Add(node, path, ViolationKind.InvalidId, idError);
        }
        if (meta?.Duration == true && !TemplateEngine.HasExpression(text) && !IsoDuration.TryParse(text, out _))
        {
            Add(node, path, ViolationKind.InvalidDuration, $"'{text}' is not an ISO-8601 duration (for example PT30S, PT5M, PT1H or P1D)");
        }
        return text;
    }

    private object? ReadScalar(YamlNode node, Type type, string path) =>
        node is YamlScalarNode { Value: { } text } && ScalarConversion.TryConvert(text, type, out var value)
            ? value
            : WrongType(node, path, ScalarConversion.Describe(type));

    private object? ReadEnum(YamlNode node, Type type, string path)
    {
        if (node is YamlScalarNode { Value: { } text } && KestraNames.TryParse(type, text, out var value))
        {
            return value;
        }
        var allowed = string.Join(", ", Enum.GetNames(type).Select(KestraNames.Of));
        Add(node, path, ViolationKind.InvalidValue, $"{Describe(node)} is not one of {allowed}");
        return Invalid;
    }

    private object? ReadProperty(YamlNode node, Type valueType, string path)
    {
        var propertyType = typeof(Property<>).MakeGenericType(valueType);
        if (node is YamlScalarNode { Value: { } text } && TemplateEngine.HasExpression(text))
        {
            return propertyType.GetMethod(nameof(Property<int>.FromExpression))!.Invoke(null, [text]);
        }
        var value = Read(node, valueType, path, null);
        return value == Invalid || value is null ? value : propertyType.GetMethod(nameof(Property<int>.Of))!.Invoke(null, [value]);
    }

    private object? ReadLabel(YamlNode node, string path)
    {
        if (node is not YamlMappingNode mapping)
        {
            return WrongType(node, path, "a label {key, value}");
        }
        string? key = null, value = null;
        foreach (var (k, v) in mapping.Children)
        {
            var name = (k as YamlScalarNode)?.Value;
            var childPath = YamlPath.Child(path, name ?? "?");
            switch (name)
            {
                case "key":
                    key = Read(v, typeof(string), childPath, null) as string;
                    break;
                case "value":
                    value = v is YamlScalarNode s ? s.Value : Read(v, typeof(string), childPath, null) as string;
                    break;
                default:
                    Add(k, childPath, ViolationKind.UnknownProperty, $"unknown property '{name}' of a label (use key and value)");
                    break;
            }
        }
        if (key is null)
        {
            Add(node, YamlPath.Child(path, "key"), ViolationKind.MissingProperty, "missing required property 'key'");
            return Invalid;
        }
        return new Label(key, value ?? "");
    }

    private object? ReadList(YamlNode node, Type listType, Type itemType, string path, PropertyMeta? meta)
    {
        var list = (IList)Activator.CreateInstance(listType)!;
        if (itemType == typeof(Label) && node is YamlMappingNode labels)
        {
            foreach (var (k, v) in labels.Children)
            {
                var key = (k as YamlScalarNode)?.Value ?? "";
                Marks[YamlPath.Child(path, key)] = ((int)v.Start.Line, (int)v.Start.Column);
                var value = v is YamlScalarNode s ? s.Value ?? "" : PlainValues.ToText(PlainYaml.ToPlain(v));
                list.Add(new Label(key, value));
            }
            return list;
        }
        if (node is not YamlSequenceNode sequence)
        {
            if (meta?.SingleOrList == true && node is YamlScalarNode)
            {
                var single = Read(node, itemType, path, null);
                if (single != Invalid)
                {
                    list.Add(single);
                }
                return list;
            }
            return WrongType(node, path, "a list");
        }
        for (var i = 0; i < sequence.Children.Count; i++)
        {
            var item = Read(sequence.Children[i], itemType, $"{path}[{i}]", null);
            if (item != Invalid)
            {
                list.Add(item);
            }
        }
        return list;
    }

    private object? ReadMap(YamlNode node, Type mapType, Type valueType, string path)
    {
        if (node is not YamlMappingNode mapping)
        {
            return WrongType(node, path, "a map");
        }
        var map = (IDictionary)Activator.CreateInstance(mapType)!;
        foreach (var (k, v) in mapping.Children)
        {
            var key = (k as YamlScalarNode)?.Value ?? "";
            var value = Read(v, valueType, YamlPath.Child(path, key), null);
            if (value != Invalid)
            {
                map[key] = value;
            }
        }
        return map;
    }

    private object? ReadObject(YamlNode node, Type type, string path)
    {
        if (node is not YamlMappingNode mapping)
        {
            return WrongType(node, path, Polymorphism.For(type) is { } p ? $"a {p.Noun.Replace(" type", "", StringComparison.Ordinal)} (a map with a type)" : "a map");
        }
        var typeName = (string?)null;
        if (Polymorphism.For(type) is { } polymorphism)
        {
            var typeNode = mapping.Children.FirstOrDefault(e => e.Key is YamlScalarNode { Value: "type" }).Value;
            var typePath = YamlPath.Child(path, "type");
            if (typeNode is null)
            {
                Add(node, typePath, ViolationKind.MissingProperty, "missing required property 'type'");
                return Invalid;
            }
            typeName = (typeNode as YamlScalarNode)?.Value;
            Marks[typePath] = ((int)typeNode.Start.Line, (int)typeNode.Start.Column);
            if (typeName is null || !polymorphism.Catalog.TryResolve(typeName, out var resolved))
            {
                Add(typeNode, typePath, polymorphism.UnknownKind, $"unknown {polymorphism.Noun} '{(typeName is null ? Describe(typeNode) : TextExcerpt.Of(typeName))}'");
                return Invalid;
            }
            type = resolved;
        }
        var instance = Activator.CreateInstance(type)!;
        var meta = ClassMeta.For(type);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (k, v) in mapping.Children)
        {
            var key = (k as YamlScalarNode)?.Value ?? "";
            var childPath = YamlPath.Child(path, key);
            if (typeName is not null && key == "type")
            {
                continue;
            }
            if (!meta.Properties.TryGetValue(key, out var property))
            {
                var owner = typeName is null ? "" : $" for {typeName}";
                Add(k, childPath, ViolationKind.UnknownProperty, $"unknown property '{TextExcerpt.Of(key)}'{owner}");
                continue;
            }
            seen.Add(key);
            var value = Read(v, property.Property.PropertyType, childPath, property);
            if (value == Invalid)
            {
                continue;
            }
            if (value is null)
            {
                if (property.Required)
                {
                    Add(v, childPath, ViolationKind.MissingProperty, $"'{key}' is required and cannot be empty");
                }
                continue;
            }
            if (property.NotEmpty && v is YamlSequenceNode { Children.Count: 0 } or YamlMappingNode { Children.Count: 0 })
            {
                Add(v, childPath, ViolationKind.EmptyList, $"'{key}' must not be empty");
            }
            property.Property.SetValue(instance, value);
        }
        foreach (var required in meta.Required)
        {
            if (!seen.Contains(required.Key))
            {
                Add(node, YamlPath.Child(path, required.Key), ViolationKind.MissingProperty, $"missing required property '{required.Key}'");
            }
        }
        var typeProperty = type.GetProperty("Type");
        if (typeName is not null && typeProperty?.PropertyType == typeof(string) && typeProperty.CanWrite)
        {
            typeProperty.SetValue(instance, typeName);
        }
        if (instance is FlowElement element)
        {
            element.Location = new SourceLocation(path, (int)node.Start.Line, (int)node.Start.Column);
        }
        return instance;
    }

    private object WrongType(YamlNode node, string path, string expected)
    {
        Add(node, path, ViolationKind.WrongType, $"expected {expected}, found {Describe(node)}");
        return Invalid;
    }

    private void Add(YamlNode node, string path, ViolationKind kind, string message) =>
        violations.Add(new Violation(path, (int)node.Start.Line, (int)node.Start.Column, kind, message));

    private static string Describe(YamlNode node) => node switch
    {
        YamlSequenceNode => "a list",
        YamlMappingNode => "a map",
        YamlScalarNode s => $"'{TextExcerpt.Of(s.Value ?? "")}'",
        _ => "an alias",
    };
}
