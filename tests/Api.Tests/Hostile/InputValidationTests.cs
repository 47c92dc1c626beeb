using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Kite.Api.Tests.Fixtures;
using Kite.Integration.Tests.Fixtures;
using static Kite.Api.Tests.Fixtures.ApiHttp;

namespace Kite.Api.Tests.Hostile;

/// <summary>
/// Wrong-typed, missing, duplicated and unstorable inputs when creating an execution, and bodies that are not inputs at
/// all. The Api refuses an input's value with 422 (one error per input, as for every input validation) and a body it
/// cannot read with 400 or 415; either way no execution row is written.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class InputValidationTests(ApiFixture api)
{
    private const string Inputs = """
        inputs:
          - id: count
            type: INT
          - id: flag
            type: BOOLEAN
            required: false
          - id: ratio
            type: FLOAT
            required: false
          - id: doc
            type: JSON
            required: false
          - id: text
            type: STRING
            required: false
          - id: data
            type: FILE
            required: false
        """;

    private readonly HttpClient client = api.Client();

    [Theory]
    [InlineData("""{"count": "abc"}""", "count")]
    [InlineData("""{"count": 1, "flag": "maybe"}""", "flag")]
    [InlineData("""{}""", "count")]
    [InlineData("""{"flag": true}""", "count")]
    [InlineData("""{"count": 1.5}""", "count")]
    [InlineData("""{"count": 99999999999999999999}""", "count")]
    [InlineData("""{"count": [1, 2]}""", "count")]
    [InlineData("""{"count": 1, "ratio": "NaN"}""", "ratio")]
    [InlineData("""{"count": 1, "ratio": "-Infinity"}""", "ratio")]
    [InlineData("""{"count": 1, "ratio": 1e400}""", "ratio")]
    [InlineData("""{"count": 1, "doc": "{not json"}""", "doc")]
    [InlineData("""{"count": 1, "doc": "{\"a\": 1, \"a\": 2}"}""", "doc")]
    [InlineData("""{"count": 1, "doc": {"key": "a\u0000b"}}""", "doc")]
    [InlineData("""{"count": 1, "doc": {"a\u0000": 1}}""", "doc")]
    [InlineData("""{"count": 1, "text": "a\u0000b"}""", "text")]
    public async Task A_value_its_input_refuses_is_422_naming_the_input_and_writes_no_execution(string body, string input)
    {
        var ns = await FlowAsync();

        var response = await client.PostJsonAsync($"/api/v1/executions/{ns}/typed", body);

        var problem = await response.ProblemAsync(HttpStatusCode.UnprocessableEntity, input);
        Assert.Contains(input, problem["errors"]!.AsArray().Select(e => (string)e!["input"]!));
        await AssertNoExecutionAsync(ns);
    }

    [Theory]
    [InlineData("""[1]""", "body")]
    [InlineData("\"count\"", "body")]
    [InlineData("null", "body")]
    [InlineData("42", "body")]
    [InlineData("""{"count": """, "body")]
    [InlineData("""{"count": 1}}""", "body")]
    [InlineData("""{"count": 1, "count": 2}""", "count")]
    [InlineData("""{"count": 1, "doc": {"a": 1, "a": 2}}""", "doc")]
    public async Task A_json_body_that_is_not_an_object_of_inputs_is_400_naming_what_is_wrong_and_writes_no_execution(string body, string field)
    {
        var ns = await FlowAsync();

        var response = await client.PostJsonAsync($"/api/v1/executions/{ns}/typed", body);

        await response.ProblemAsync(HttpStatusCode.BadRequest, field);
        await AssertNoExecutionAsync(ns);
    }

    [Fact]
    public async Task Invalid_UTF8_in_a_json_body_is_400_naming_the_body()
    {
        var ns = await FlowAsync();
        using var content = new ByteArrayContent([(byte)'{', (byte)'"', 0xC3, 0x28, 0xFF, (byte)'"', (byte)':', (byte)'1', (byte)'}']);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        var response = await client.PostAsync(new Uri($"/api/v1/executions/{ns}/typed", UriKind.Relative), content);

        await response.ProblemAsync(HttpStatusCode.BadRequest, "body");
        await AssertNoExecutionAsync(ns);
    }

    [Fact]
    public async Task Invalid_UTF8_in_a_form_field_is_400_naming_the_field()
    {
        var ns = await FlowAsync();
        using var form = new MultipartFormDataContent { { new ByteArrayContent([0xC3, 0x28, 0xFF]), "text" }, { new StringContent("1"), "count" } };

        var response = await client.PostAsync(new Uri($"/api/v1/executions/{ns}/typed", UriKind.Relative), form);

        await response.ProblemAsync(HttpStatusCode.BadRequest, "text");
        await AssertNoExecutionAsync(ns);
    }

    [Theory]
    [InlineData("--XYZ\r\nContent-Disposition: form-data; name=\"count\"\r\n\r\nabc\r\n--XYZ--\r\n", "multipart/form-data; boundary=XYZ", 422, "count")]
    [InlineData("--XYZ\r\nContent-Disposition: form-data; name=\"count\"\r\n\r\n1\r\n", "multipart/form-data; boundary=XYZ", 400, "body")]
    [InlineData("--XYZ\r\nContent-Disposition: form-data; name=\"data\"; filename=\"a.txt\"\r\n\r\nhalf a fi", "multipart/form-data; boundary=XYZ", 400, "body")]
    [InlineData("this is not a multipart body", "multipart/form-data; boundary=XYZ", 400, "body")]
    [InlineData("--XYZ\r\nX-Nothing: 1\r\n\r\n1\r\n--XYZ--\r\n", "multipart/form-data; boundary=XYZ", 400, "body")]
    [InlineData("--XYZ\r\nContent-Disposition: form-data; name=\"count\"\r\n\r\n1\r\n--XYZ--\r\n", "multipart/form-data", 400, "Content-Type")]
    [InlineData("count=1", "application/x-www-form-urlencoded", 415, "Content-Type")]
    [InlineData("count: 1", "text/plain", 415, "Content-Type")]
    [InlineData("<count>1</count>", "application/xml", 415, "Content-Type")]
    public async Task A_malformed_or_unsupported_form_is_refused_naming_what_is_wrong_and_writes_no_execution(string body, string contentType, int status, string field)
    {
        var ns = await FlowAsync();
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);

        var response = await client.PostAsync(new Uri($"/api/v1/executions/{ns}/typed", UriKind.Relative), content);

        await response.ProblemAsync((HttpStatusCode)status, field);
        await AssertNoExecutionAsync(ns);
    }

    /// <summary>As Kestra does, a value for no input of the flow is ignored: it is neither refused nor stored.</summary>
    [Fact]
    public async Task An_input_the_flow_does_not_declare_is_ignored_and_never_stored()
    {
        var ns = await FlowAsync();

        var execution = await (await client.PostJsonAsync($"/api/v1/executions/{ns}/typed", """{"count": 1, "ghost": "' OR 1=1 --"}""")).JsonAsync();

        Assert.Null(execution["inputs"]!["ghost"]);
        var stored = await MigratedDatabase.QueryAsync(api.Database, $"SELECT inputs ? 'ghost' FROM executions WHERE id = '{execution["id"]}'", r => r.GetBoolean(0));
        Assert.Equal([false], stored);
    }

    private async Task<string> FlowAsync()
    {
        var ns = UniqueNamespace("inputs");
        await (await client.PostYamlAsync("/api/v1/flows", Flow(ns, "typed", Inputs))).JsonAsync();
        return ns;
    }

    private async Task AssertNoExecutionAsync(string ns)
    {
        var executions = await MigratedDatabase.QueryAsync(api.Database, $"SELECT id FROM executions WHERE namespace = '{ns}'", r => r.GetString(0));
        Assert.Empty(executions);
        var files = await MigratedDatabase.QueryAsync(api.Database, $"SELECT path FROM storage_files WHERE path LIKE '{ns.Replace('.', '/')}/%'", r => r.GetString(0));
        Assert.Empty(files);
    }
}
