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

    [Fact]
    public async Task Every_piece_of_a_long_line_but_its_last_says_that_the_line_continues()
    {
        var text = new string('x', LineReader.MaxLineChars + 10) + "\nshort\n";
        using var reader = new LineReader(new MemoryStream(Encoding.UTF8.GetBytes(text)));

        var pieces = new List<(int Length, bool Continues)>();
        while (await reader.ReadLineAsync(CancellationToken.None) is { } line)
        {
            pieces.Add((line.Length, reader.Continues));
        }

        Assert.Equal(LineReader.MaxLineChars + 10, pieces.TakeWhile(p => p.Continues).Sum(p => p.Length) + pieces.First(p => !p.Continues).Length);
        Assert.Equal((5, false), pieces[^1]);
    }
}
