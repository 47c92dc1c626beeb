using System.Text;
using Kite.Core.Values;

namespace Kite.Worker.Scripts;

/// <summary>
/// The <c>vars</c> a script's outputs lines set, with their size as JSON kept as they come, so that a script writing
/// more than <c>Kite:Worker:MaxOutputBytes</c> of outputs is stopped when it does rather than after filling memory.
/// A name set again replaces its value and its size.
/// </summary>
public sealed class ScriptVars
{
    private readonly Dictionary<string, long> sizes = new(StringComparer.Ordinal);

    public Dictionary<string, object?> Values { get; } = new(StringComparer.Ordinal);

    public long Bytes { get; private set; }

    public void Set(string name, object? value)
    {
        var size = Encoding.UTF8.GetByteCount(name) + Encoding.UTF8.GetByteCount(PlainJson.Write(value));
        Bytes += size - sizes.GetValueOrDefault(name);
        sizes[name] = size;
        Values[name] = value;
    }
}
