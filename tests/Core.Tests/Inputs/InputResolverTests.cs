using Kite.Core.Flows;
using Kite.Core.Inputs;

namespace Kite.Core.Tests.Inputs;

public class InputResolverTests
{
    private static List<Input> InputsOf(string inputsYaml)
    {
        var document = FlowReader.ReadOne($"id: f\nnamespace: n\ninputs:\n{inputsYaml}tasks:\n  - id: t\n    type: io.kestra.plugin.core.debug.Return\n");
        Assert.Empty(document.Violations);
        return document.Flow!.Inputs!;
    }

    private static InputResolution Resolve(string inputsYaml, params (string Id, object? Value)[] submitted) =>
        InputResolver.Resolve(InputsOf(inputsYaml), submitted.ToDictionary(s => s.Id, s => s.Value));

    [Theory]
    [InlineData("STRING", "hello", "hello")]
    [InlineData("EMAIL", "ada@example.com", "ada@example.com")]
    [InlineData("URI", "https://kestra.io/docs", "https://kestra.io/docs")]
    [InlineData("FILE", "kestra:///company/team/f/file.csv", "kestra:///company/team/f/file.csv")]
    public void Text_inputs_keep_the_submitted_string(string type, string submitted, string expected)
    {
        var result = Resolve($"  - id: x\n    type: {type}\n", ("x", submitted));

        Assert.True(result.IsValid);
        Assert.Equal(expected, result.Values["x"]);
    }

    [Fact]
    public void Int_input_coerces_a_submitted_string_to_a_number() =>
        Assert.Equal(42L, Resolve("  - id: n\n    type: INT\n", ("n", "42")).Values["n"]);

    [Fact]
    public void Float_input_coerces_a_submitted_string_to_a_double() =>
        Assert.Equal(2.5, Resolve("  - id: n\n    type: FLOAT\n", ("n", "2.5")).Values["n"]);

    [Theory]
    [InlineData("BOOL", "true", true)]
    [InlineData("BOOL", "FALSE", false)]
    [InlineData("BOOLEAN", "True", true)]
    public void Bool_inputs_read_true_and_false_in_any_case(string type, string submitted, bool expected) =>
        Assert.Equal(expected, Resolve($"  - id: b\n    type: {type}\n", ("b", submitted)).Values["b"]);

    [Fact]
    public void Datetime_input_reads_an_iso_instant() =>
        Assert.Equal(new DateTimeOffset(2025, 1, 31, 10, 0, 0, TimeSpan.Zero), Resolve("  - id: d\n    type: DATETIME\n", ("d", "2025-01-31T10:00:00Z")).Values["d"]);

    [Fact]
    public void Date_and_time_inputs_read_iso_values()
    {
        var result = Resolve("  - id: d\n    type: DATE\n  - id: t\n    type: TIME\n", ("d", "2025-01-31"), ("t", "10:15:30"));

        Assert.Equal(new DateOnly(2025, 1, 31), result.Values["d"]);
        Assert.Equal(new TimeOnly(10, 15, 30), result.Values["t"]);
    }

    [Fact]
    public void Duration_input_reads_iso_8601() =>
        Assert.Equal(TimeSpan.FromMinutes(90), Resolve("  - id: d\n    type: DURATION\n", ("d", "PT1H30M")).Values["d"]);

    [Fact]
    public void Json_input_reads_into_maps_and_lists()
    {
        var value = Resolve("  - id: j\n    type: JSON\n", ("j", "{\"a\": [1, 2]}")).Values["j"];

        var map = Assert.IsType<Dictionary<string, object?>>(value);
        Assert.Equal(new List<object?> { 1L, 2L }, map["a"]);
    }

    [Fact]
    public void Yaml_input_reads_into_maps_and_lists()
    {
        var value = Resolve("  - id: y\n    type: YAML\n", ("y", "a: 1\nb: [x]\n")).Values["y"];

        var map = Assert.IsType<Dictionary<string, object?>>(value);
        Assert.Equal(1L, map["a"]);
    }

    [Fact]
    public void Array_input_coerces_each_item_to_its_item_type() =>
        Assert.Equal(new List<object?> { 1L, 2L }, Resolve("  - id: a\n    type: ARRAY\n    itemType: INT\n", ("a", "[\"1\", 2]")).Values["a"]);

    [Fact]
    public void Select_input_accepts_one_of_its_values() =>
        Assert.Equal("B", Resolve("  - id: s\n    type: SELECT\n    values: [A, B]\n", ("s", "B")).Values["s"]);

    [Fact]
    public void Multiselect_input_reads_a_json_array_of_its_values() =>
        Assert.Equal(new List<string> { "A", "C" }, Resolve("  - id: m\n    type: MULTISELECT\n    values: [A, B, C]\n", ("m", "[\"A\",\"C\"]")).Values["m"]);

    [Fact]
    public void Missing_input_takes_its_default_coerced_to_its_type() =>
        Assert.Equal(true, Resolve("  - id: b\n    type: BOOL\n    defaults: true\n").Values["b"]);

    [Fact]
    public void Expression_default_is_rendered_by_the_given_renderer()
    {
        var inputs = InputsOf("  - id: s\n    type: STRING\n    defaults: \"{{ 'a' ~ 'b' }}\"\n");

        var result = InputResolver.Resolve(inputs, new Dictionary<string, object?>(), text => "rendered");

        Assert.Equal("rendered", result.Values["s"]);
    }

    [Fact]
    public void Required_input_without_value_or_default_is_an_error_naming_it()
    {
        var error = Assert.Single(Resolve("  - id: name\n    type: STRING\n").Errors);

        Assert.Equal("name", error.InputId);
        Assert.Contains("'name' is required", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Optional_input_without_value_is_null() =>
        Assert.Null(Resolve("  - id: name\n    type: STRING\n    required: false\n").Values["name"]);

    [Fact]
    public void Every_bad_input_is_reported_with_its_name()
    {
        var result = Resolve(
            "  - id: n\n    type: INT\n  - id: f\n    type: FLOAT\n  - id: b\n    type: BOOL\n  - id: e\n    type: EMAIL\n  - id: ok\n    type: STRING\n",
            ("n", "ten"), ("f", "x"), ("b", "maybe"), ("e", "nope"), ("ok", "fine"));

        Assert.Equal(["n", "f", "b", "e"], result.Errors.Select(e => e.InputId));
        Assert.All(result.Errors, e => Assert.Contains($"'{e.InputId}'", e.Message, StringComparison.Ordinal));
        Assert.Equal("fine", result.Values["ok"]);
    }

    [Theory]
    [InlineData("  - id: x\n    type: INT\n    min: 5\n", "3")]
    [InlineData("  - id: x\n    type: INT\n    max: 5\n", "6")]
    [InlineData("  - id: x\n    type: FLOAT\n    min: 0.5\n", "0.1")]
    [InlineData("  - id: x\n    type: STRING\n    validator: \"^[a-z]+$\"\n", "ABC")]
    [InlineData("  - id: x\n    type: DURATION\n    max: PT1M\n", "PT2M")]
    [InlineData("  - id: x\n    type: SELECT\n    values: [A]\n", "B")]
    [InlineData("  - id: x\n    type: MULTISELECT\n    values: [A]\n", "A,B")]
    [InlineData("  - id: x\n    type: DATE\n", "31/01/2025")]
    [InlineData("  - id: x\n    type: TIME\n", "25:00")]
    [InlineData("  - id: x\n    type: URI\n", "not a uri")]
    [InlineData("  - id: x\n    type: JSON\n", "{oops")]
    [InlineData("  - id: x\n    type: ARRAY\n    itemType: INT\n", "[\"a\"]")]
    [InlineData("  - id: x\n    type: FILE\n    allowedFileExtensions: [.csv]\n", "kestra:///a/b.txt")]
    public void Value_breaking_a_constraint_is_refused(string inputYaml, string submitted)
    {
        var error = Assert.Single(Resolve(inputYaml, ("x", submitted)).Errors);

        Assert.Equal("x", error.InputId);
    }

    [Fact]
    public void Select_with_custom_values_allowed_accepts_anything() =>
        Assert.True(Resolve("  - id: s\n    type: SELECT\n    values: [A]\n    allowCustomValue: true\n", ("s", "Z")).IsValid);

    [Fact]
    public void Structured_defaults_written_in_yaml_are_valid_and_typed()
    {
        var result = Resolve("""
              - id: list
                type: ARRAY
                itemType: STRING
                defaults: [a, b]
              - id: many
                type: MULTISELECT
                values: [a, b, c]
                defaults: [a, c]
              - id: doc
                type: JSON
                defaults:
                  key: value
              - id: when
                type: DATETIME
                defaults: 2025-01-31T10:00:00Z
              - id: ratio
                type: FLOAT
                defaults: 1
              - id: wait
                type: DURATION
                defaults: PT5M

            """);

        Assert.True(result.IsValid);
        Assert.Equal(new List<object?> { "a", "b" }, result.Values["list"]);
        Assert.Equal(new List<string> { "a", "c" }, result.Values["many"]);
        Assert.Equal(1.0, result.Values["ratio"]);
        Assert.Equal(TimeSpan.FromMinutes(5), result.Values["wait"]);
    }
}
