namespace Kite.Core.Validation;

/// <summary>Where an element of a flow was written: its YAML path and 1-based line and column.</summary>
public readonly record struct SourceLocation(string Path, int Line, int Column)
{
    public string Child(string key) => Path.Length == 0 ? key : $"{Path}.{key}";

    public string Item(int index) => $"{Path}[{index}]";
}
