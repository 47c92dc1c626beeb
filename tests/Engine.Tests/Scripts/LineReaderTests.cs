using System.Text;
using Kite.Worker.Scripts;

namespace Kite.Engine.Tests.Scripts;

public sealed class LineReaderTests
{
    [Fact]
    public async Task Lines_end_at_LF_or_CRLF_and_the_last_line_needs_no_break()
    {
        using var reader = new LineReader(new MemoryStream("one\r\ntwo\n\nthree"u8.ToArray()));

        var lines = new List<string?>();
        while (await reader.ReadLineAsync(CancellationToken.None) is { } line)
        {
            lines.Add(line);
        }

        Assert.Equal(["one", "two", "", "three"], lines);
    }

    [Fact]
    public async Task A_line_without_end_is_handed_on_in_pieces_of_at_most_MaxLineChars()
    {
        var length = LineReader.MaxLineChars * 2 + 10;
        using var reader = new LineReader(new MemoryStream(Encoding.UTF8.GetBytes(new string('x', length))));

        var pieces = new List<int>();
        while (await reader.ReadLineAsync(CancellationToken.None) is { } line)
        {
            pieces.Add(line.Length);
        }

        Assert.All(pieces, p => Assert.True(p <= LineReader.MaxLineChars + 16 * 1024));
        Assert.Equal(length, pieces.Sum());
    }
}
