using Kite.Core.Flows;
using Kite.Core.Validation;

namespace Kite.Core.Tests.Validation;

/// <summary>
/// Every file under Invalid/ is a broken flow whose leading <c># expect: path Kind</c> lines list exactly
/// the violations it must produce (the path is empty for errors about the whole document).
/// </summary>
public class InvalidFlowCorpusTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Invalid");

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Folder, "*.yaml").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Invalid_flow_is_refused_with_exactly_the_expected_path_and_kind(string file)
    {
        var text = File.ReadAllText(Path.Combine(Folder, file));
        var expected = text.Split('\n')
            .Where(l => l.StartsWith("# expect:", StringComparison.Ordinal))
            .Select(l => l["# expect:".Length..].Trim())
            .Select(e => (Path: e.Contains(' ', StringComparison.Ordinal) ? e[..e.LastIndexOf(' ')] : "", Kind: Enum.Parse<ViolationKind>(e[(e.LastIndexOf(' ') + 1)..])))
            .OrderBy(e => e.Path, StringComparer.Ordinal).ThenBy(e => e.Kind)
            .ToList();

        var documents = FlowReader.Read(text);
        var actual = documents.SelectMany(d => d.Violations)
            .Select(v => (v.Path, v.Kind))
            .OrderBy(e => e.Path, StringComparer.Ordinal).ThenBy(e => e.Kind)
            .ToList();

        Assert.NotEmpty(expected);
        Assert.Equal(expected, actual);
        Assert.All(documents, d => Assert.False(d.IsValid));
    }

    [Fact]
    public void Corpus_holds_at_least_sixty_invalid_flows() => Assert.True(Files().Count >= 60);

    [Fact]
    public void Every_violation_has_a_line_column_and_message()
    {
        foreach (var file in Directory.GetFiles(Folder, "*.yaml"))
        {
            foreach (var violation in FlowReader.Read(File.ReadAllText(file)).SelectMany(d => d.Violations))
            {
                Assert.True(violation.Line >= 1 && violation.Column >= 1, $"{Path.GetFileName(file)}: {violation}");
                Assert.False(string.IsNullOrWhiteSpace(violation.Message));
            }
        }
    }
}
