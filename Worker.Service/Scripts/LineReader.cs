using System.Text;

namespace Kite.Worker.Scripts;

/// <summary>
/// Reads a process's output a line at a time with bounded memory: a line longer than <see cref="MaxLineChars"/> is
/// handed on in pieces of that size rather than held whole.
/// </summary>
public sealed class LineReader(Stream stream) : IDisposable
{
    public const int MaxLineChars = 1024 * 1024;
    private readonly StreamReader reader = new(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, bufferSize: 16 * 1024);
    private readonly char[] buffer = new char[16 * 1024];
    private readonly StringBuilder line = new();
    private int start;
    private int end;

    /// <summary>Whether the text last read is a piece of a longer line, whose next piece the next read returns.</summary>
    public bool Continues { get; private set; }

    /// <summary>The next line without its line break, or null at the end of the stream.</summary>
    public async Task<string?> ReadLineAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            for (var i = start; i < end; i++)
            {
                if (buffer[i] == '\n')
                {
                    line.Append(buffer, start, i - start);
                    start = i + 1;
                    return Take();
                }
            }

            line.Append(buffer, start, end - start);
            start = end = 0;
            if (line.Length >= MaxLineChars)
            {
                var piece = Take();
                Continues = true;
                return piece;
            }

            end = await reader.ReadAsync(buffer, cancellationToken);
            if (end == 0)
            {
                return line.Length > 0 ? Take() : null;
            }
        }
    }

    private string Take()
    {
        var text = line.Length > 0 && line[^1] == '\r' ? line.ToString(0, line.Length - 1) : line.ToString();
        line.Clear();
        Continues = false;
        return text;
    }

    public void Dispose() => reader.Dispose();
}
