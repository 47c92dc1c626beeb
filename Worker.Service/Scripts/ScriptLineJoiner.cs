using System.Text;

namespace Kite.Worker.Scripts;

/// <summary>
/// Joins the pieces of a long line that may be a <see cref="ScriptMessage"/> (it starts with <c>::{</c>), so that an
/// outputs line longer than <see cref="LineReader.MaxLineChars"/> is read as outputs rather than logged as text, holding
/// at most <paramref name="maxChars"/> of it. Any other line goes on as it came, in pieces.
/// </summary>
public sealed class ScriptLineJoiner(int maxChars)
{
    private readonly StringBuilder held = new();
    private bool holding;

    /// <summary>Set once the line being joined passed <paramref name="maxChars"/>; what it held is dropped.</summary>
    public bool TooLong { get; private set; }

    /// <summary>The text to handle now, or null while the pieces of a long message line are held.</summary>
    public string? Join(ScriptLine line)
    {
        if (!holding && !(line.Continues && line.Text.AsSpan().TrimStart().StartsWith("::{", StringComparison.Ordinal)))
        {
            return line.Text;
        }

        holding = true;
        if (TooLong || held.Length + line.Text.Length > maxChars)
        {
            TooLong = true;
            held.Clear();
            return null;
        }

        held.Append(line.Text);
        if (line.Continues)
        {
            return null;
        }

        holding = false;
        var text = held.ToString();
        held.Clear();
        return text;
    }
}
