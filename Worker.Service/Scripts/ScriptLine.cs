namespace Kite.Worker.Scripts;

/// <summary>A line a script wrote, or a piece of one longer than <see cref="LineReader.MaxLineChars"/> when <paramref name="Continues"/>.</summary>
public readonly record struct ScriptLine(string Text, bool IsStdErr, bool Continues);
