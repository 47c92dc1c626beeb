using Kite.Core.Flows.Reading;

namespace Kite.Core.Inputs;

/// <summary>The input types by the names written in <c>type:</c>.</summary>
public static class InputTypes
{
    public static TypeCatalog Catalog { get; } = new TypeCatalog()
        .Add<StringInput>("STRING")
        .Add<EnumInput>("ENUM")
        .Add<SelectInput>("SELECT")
        .Add<MultiselectInput>("MULTISELECT")
        .Add<IntInput>("INT")
        .Add<FloatInput>("FLOAT")
        .Add<BooleanInput>("BOOLEAN")
        .Add<BoolInput>("BOOL")
        .Add<DateTimeInput>("DATETIME")
        .Add<DateInput>("DATE")
        .Add<TimeInput>("TIME")
        .Add<DurationInput>("DURATION")
        .Add<FileInput>("FILE")
        .Add<JsonInput>("JSON")
        .Add<UriInput>("URI")
        .Add<SecretInput>("SECRET")
        .Add<ArrayInput>("ARRAY")
        .Add<YamlInput>("YAML")
        .Add<EmailInput>("EMAIL");

    /// <summary>An input of that type with no constraints, to coerce a value to the type (array items, flow outputs).</summary>
    public static Input Create(InputType type)
    {
        var name = type.ToString().ToUpperInvariant();
        Catalog.TryResolve(name, out var clr);
        return (Input)Activator.CreateInstance(clr)!;
    }
}
