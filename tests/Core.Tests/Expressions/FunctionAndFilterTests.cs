using Kite.Core.Expressions;

namespace Kite.Core.Tests.Expressions;

public class FunctionAndFilterTests
{
    [Theory]
    [InlineData("{{ range(1, 5) }}", "[1,2,3,4,5]")]
    [InlineData("{{ range(0, 10, 5) }}", "[0,5,10]")]
    [InlineData("{{ now() }}", "2025-03-14T09:26:53Z")]
    [InlineData("{{ fromJson(inputs.json).a.b[1] }}", "20")]
    [InlineData("{{ json('[1,2]') | length }}", "2")]
    [InlineData("{{ toJson(inputs.items) }}", "[3,1,2]")]
    [InlineData("{{ currentEachOutput(outputs.each.x).value }}", "x-1")]
    [InlineData("{{ uuid() | length }}", "36")]
    [InlineData("{{ max(3, 9, 4) }}", "9")]
    [InlineData("{{ min(inputs.items) }}", "1")]
    [InlineData("{{ render('{{ inputs.name }}') }}", "Kite")]
    [InlineData("{{ errorLogs()[0].message }}", "boom")]
    public void Functions_compute_what_Kestra_computes(string template, string expected) =>
        Assert.Equal(expected, Contexts.Render(template));

    [Theory]
    [InlineData("{{ inputs.missing | default('d') }}", "d")]
    [InlineData("{{ inputs.empty | default('d') }}", "d")]
    [InlineData("{{ inputs.name | default('d') }}", "Kite")]
    [InlineData("{{ inputs.items | length }}", "3")]
    [InlineData("{{ inputs.name | length }}", "4")]
    [InlineData("{{ inputs.items | first }}", "3")]
    [InlineData("{{ inputs.items | last }}", "2")]
    [InlineData("{{ inputs.items | join(', ') }}", "3, 1, 2")]
    [InlineData("{{ 'a,b,c' | split(',') | last }}", "c")]
    [InlineData("{{ inputs.name | upper }}", "KITE")]
    [InlineData("{{ inputs.name | lower }}", "kite")]
    [InlineData("{{ '  x  ' | trim }}", "x")]
    [InlineData("{{ 'I like cats' | replace({'cats': 'kites'}) }}", "I like kites")]
    [InlineData("{{ 'aXa' | replace('X', '-') }}", "a-a")]
    [InlineData("{{ -5 | abs }}", "5")]
    [InlineData("{{ inputs.items | sort }}", "[1,2,3]")]
    [InlineData("{{ inputs.user | keys }}", "[\"first\",\"last\"]")]
    [InlineData("{{ inputs.user | values }}", "[\"Ada\",\"Lovelace\"]")]
    [InlineData("{{ inputs.user | toJson }}", "{\"first\":\"Ada\",\"last\":\"Lovelace\"}")]
    [InlineData("{{ inputs.json | jq('.a.b[0]') | first }}", "10")]
    [InlineData("{{ inputs.json | jq('.a.b[]') }}", "[10,20]")]
    [InlineData("{{ inputs.user | jq('.first') }}", "[\"Ada\"]")]
    [InlineData("{{ inputs.json | jq('.a.b | length') | first }}", "2")]
    [InlineData("{{ now() | date('yyyy-MM-dd') }}", "2025-03-14")]
    [InlineData("{{ now() | date(\"yyyy-MM-dd'T'HH:mm:ssXXX\") }}", "2025-03-14T09:26:53Z")]
    [InlineData("{{ '2025-01-31T10:00:00Z' | dateAdd(1, 'DAYS') | date('yyyy-MM-dd') }}", "2025-02-01")]
    [InlineData("{{ now() | dateAdd(-2, 'HOURS') | date('HH:mm') }}", "07:26")]
    [InlineData("{{ '42' | number + 1 }}", "43")]
    [InlineData("{{ '4.5' | number }}", "4.5")]
    [InlineData("{{ 'Hello World, été!' | slugify }}", "hello-world-ete")]
    [InlineData("{{ inputs.name | startsWith('Ki') }}", "true")]
    [InlineData("{{ inputs.name | endsWith('x') }}", "false")]
    [InlineData("{{ 'a.b.c' | substringBefore('.') }}", "a")]
    [InlineData("{{ 'a.b.c' | substringAfter('.') }}", "b.c")]
    [InlineData("{{ 'a.b.c' | substringBeforeLast('.') }}", "a.b")]
    [InlineData("{{ 'a.b.c' | substringAfterLast('.') }}", "c")]
    [InlineData("{{ 'a' ~ 'b' | upper }}", "AB")]
    [InlineData("{{ 'kite' | sha256 }}", "8e8c7d42b456c9e4ec52e545b201fffc003ace9b7a32a44ac646b4679f99b00b")]
    [InlineData("{{ 'kite' | md5 }}", "4781ac9273d3335229ca90e8e00a1c71")]
    [InlineData("{{ 'a b&c' | urlencode }}", "a%20b%26c")]
    [InlineData("{{ 'a%20b+c' | urldecode }}", "a b c")]
    [InlineData("{{ 'a\nb' | indent(2) }}", "a\n  b")]
    [InlineData("{{ 'a\nb' | nindent(2) }}", "\n  a\n  b")]
    [InlineData("{{ inputs.items | slice(1, 3) }}", "[1,2]")]
    [InlineData("{{ inputs.user | merge({'age': 36}) | keys | length }}", "3")]
    [InlineData("{{ [1, [2, 3]] | flatten }}", "[1,2,3]")]
    [InlineData("{{ [1, 1, 2] | distinct }}", "[1,2]")]
    [InlineData("{{ '2025-01-01T00:00:10Z' | timestamp }}", "1735689610")]
    public void Filters_transform_their_input(string template, string expected) =>
        Assert.Equal(expected, Contexts.Render(template));

    [Fact]
    public void Secret_is_read_through_the_injected_store_for_the_flow_namespace()
    {
        var store = new MapSecrets(new() { ["company.team/API_KEY"] = "s3cr3t" });

        var value = TemplateEngine.Render("{{ secret('API_KEY') }}", Contexts.Standard(store));

        Assert.Equal("s3cr3t", value);
    }

    [Fact]
    public void Missing_secret_is_an_error_naming_the_secret_not_its_value()
    {
        var store = new MapSecrets([]);

        var error = Assert.Throws<ExpressionException>(() => TemplateEngine.Render("{{ secret('NOPE') }}", Contexts.Standard(store)));

        Assert.Contains("'NOPE'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Jq_on_a_missing_path_gives_null()
    {
        Assert.Equal("", Contexts.Render("{{ inputs.user | jq('.nope') | first }}"));
    }

    private sealed class MapSecrets(Dictionary<string, string> secrets) : ISecretStore
    {
        public string? Get(string? @namespace, string name) => secrets.GetValueOrDefault($"{@namespace}/{name}");
    }
}
