using Kite.Core.Expressions;
using Assert = Xunit.Assert;

namespace Kite.Core.Tests.Expressions;

/// <summary>Kestra's functions beyond Pebble's: ids, key-value and file reads through host stores, encryption, context.</summary>
public class KestraFunctionTests
{
    private static RenderContext With(IKvStore? kv = null, IFileStore? files = null, int seed = 7)
    {
        var standard = Contexts.Standard();
        return new RenderContext(standard.Variables) { Namespace = "company.team", Time = standard.Time, Kv = kv, Files = files, Random = new Random(seed) };
    }

    private static string Render(string template, RenderContext? context = null) => TemplateEngine.Render(template, context ?? With());

    [Fact]
    public void Id_is_a_base62_uuid_of_at_most_22_characters()
    {
        var id = Render("{{ id() }}");
        Assert.InRange(id.Length, 20, 22);
        Assert.All(id, c => Assert.True(char.IsAsciiLetterOrDigit(c)));
        Assert.NotEqual(id, Render("{{ id() }}", With(seed: 8)));
    }

    [Fact]
    public void Ksuid_is_27_base62_characters_sorted_by_time()
    {
        var ksuid = Render("{{ ksuid() }}");
        Assert.Equal(27, ksuid.Length);
        Assert.All(ksuid, c => Assert.True(char.IsAsciiLetterOrDigit(c)));
    }

    [Fact]
    public void NanoId_defaults_to_21_url_safe_characters_and_takes_a_length_and_alphabet()
    {
        Assert.Matches("^[A-Za-z0-9_-]{21}$", Render("{{ nanoId() }}"));
        Assert.Matches("^[ab]{5}$", Render("{{ nanoId(5, 'ab') }}"));
        Assert.Matches("^[xy]{3}$", Render("{{ nanoId(length=3, alphabet='xy') }}"));
    }

    [Fact]
    public void RandomInt_includes_lower_and_excludes_upper()
    {
        Assert.Equal("4", Render("{{ randomInt(4, 5) }}"));
        Assert.InRange(long.Parse(Render("{{ randomInt(lower=-3, upper=3) }}"), System.Globalization.CultureInfo.InvariantCulture), -3, 2);
        Assert.Throws<ExpressionException>(() => Render("{{ randomInt(5, 5) }}"));
    }

    [Fact]
    public void Kv_reads_the_flow_namespace_by_default_and_another_namespace_when_given()
    {
        var kv = new Kv { [("company.team", "colour")] = "blue", [("other", "colour")] = "red" };
        Assert.Equal("blue", Render("{{ kv('colour') }}", With(kv)));
        Assert.Equal("red", Render("{{ kv('colour', 'other') }}", With(kv)));
    }

    [Fact]
    public void Kv_of_a_missing_key_is_an_error_unless_errorOnMissing_is_false()
    {
        var kv = new Kv();
        var error = Assert.Throws<ExpressionException>(() => Render("{{ kv('nope') }}", With(kv)));
        Assert.Contains("'nope'", error.Message, StringComparison.Ordinal);
        Assert.Equal("none", Render("{{ kv('nope', errorOnMissing=false) ?? 'none' }}", With(kv)));
    }

    [Fact]
    public void Kv_without_a_configured_store_is_an_error()
    {
        Assert.Throws<ExpressionException>(() => Render("{{ kv('colour') }}"));
    }

    [Fact]
    public void Read_and_file_functions_go_through_the_file_store()
    {
        var files = new Files { ["kestra:///company/team/data.csv"] = "a,b", ["empty.txt"] = "" };
        var context = With(files: files);

        Assert.Equal("a,b", Render("{{ read('kestra:///company/team/data.csv') }}", context));
        Assert.Equal("3", Render("{{ fileSize('kestra:///company/team/data.csv') }}", context));
        Assert.Equal("true false", Render("{{ fileExists('empty.txt') }} {{ fileExists('nope.txt') }}", context));
        Assert.Equal("true", Render("{{ isFileEmpty('empty.txt') }}", context));
        Assert.Equal("kestra:///company/team/_files/empty.txt", Render("{{ fileURI('empty.txt') }}", context));
        Assert.Throws<ExpressionException>(() => Render("{{ read('nope.txt') }}", context));
    }

    [Fact]
    public void Encrypt_then_decrypt_with_the_same_key_gives_the_plaintext_back()
    {
        var key = Convert.ToBase64String(Enumerable.Range(0, 32).Select(i => (byte)i).ToArray());
        var encrypted = Render($"{{{{ encrypt('{key}', 'my secret') }}}}");

        Assert.NotEqual("my secret", encrypted);
        Assert.Equal(12 + 9 + 16, Convert.FromBase64String(encrypted).Length);
        Assert.Equal("my secret", Render($"{{{{ decrypt('{key}', '{encrypted}') }}}}"));
    }

    [Fact]
    public void Decrypt_with_another_key_is_an_error()
    {
        var key = Convert.ToBase64String(new byte[32]);
        var other = Convert.ToBase64String(Enumerable.Repeat((byte)1, 32).ToArray());
        var encrypted = Render($"{{{{ encrypt('{key}', 'x') }}}}");

        Assert.Throws<ExpressionException>(() => Render($"{{{{ decrypt('{other}', '{encrypted}') }}}}"));
    }

    [Fact]
    public void RenderOnce_renders_a_single_level_unlike_recursive_render()
    {
        var context = new RenderContext(new RenderVariables()
            .Vars(new Dictionary<string, object?> { ["outer"] = "{{ vars.inner }}", ["inner"] = "{{ 'deep' }}" }).Build());

        Assert.Equal("{{ 'deep' }}", TemplateEngine.Render("{{ renderOnce(vars.outer) }}", context));
        Assert.Equal("deep", TemplateEngine.Render("{{ render(vars.outer) }}", context));
    }

    [Fact]
    public void FetchContext_gives_the_variables_and_printContext_their_JSON()
    {
        Assert.Equal("my-flow", Render("{{ fetchContext().flow.id }}"));
        Assert.Contains("\"namespace\":\"company.team\"", Render("{{ printContext() }}"), StringComparison.Ordinal);
    }

    [Fact]
    public void TasksWithState_lists_the_task_runs_in_that_state()
    {
        Assert.Equal("t0", Render("{{ tasksWithState('SUCCESS')[0].taskId }}"));
        Assert.Equal("0", Render("{{ tasksWithState('FAILED') | length }}"));
    }

    private sealed class Kv : Dictionary<(string, string), object?>, IKvStore
    {
        public bool TryGet(string @namespace, string key, out object? value) => TryGetValue((@namespace, key), out value);
    }

    [Fact]
    public void Read_of_a_file_larger_than_the_render_may_build_fails_on_its_size_without_loading_it()
    {
        var context = new RenderContext(Contexts.Standard().Variables) { Namespace = "company.team", Files = new HugeFile() };

        var error = Assert.ThrowsAny<ExpressionException>(() => TemplateEngine.Render("{{ read('dump.bin') }}", context));

        Assert.Equal("read(): 'dump.bin' is 5,000,000,000 bytes, more than the render's limit of 16,777,216 characters; give its URI to a task that streams it instead", error.Message);
    }

    /// <summary>A 5 GB file that must never be read whole.</summary>
    private sealed class HugeFile : IFileStore
    {
        public string? Read(string? @namespace, string pathOrUri) => throw new InvalidOperationException("the whole file was read");

        public long? Size(string? @namespace, string pathOrUri) => 5_000_000_000;

        public string UriOf(string? @namespace, string path) => $"kestra:///{path}";
    }

    private sealed class Files : Dictionary<string, string>, IFileStore
    {
        public string? Read(string? @namespace, string pathOrUri) => TryGetValue(pathOrUri, out var text) ? text : null;

        public long? Size(string? @namespace, string pathOrUri) => TryGetValue(pathOrUri, out var text) ? text.Length : null;

        public string UriOf(string? @namespace, string path) => $"kestra:///{@namespace!.Replace('.', '/')}/_files/{path}";
    }
}
