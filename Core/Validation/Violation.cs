namespace Kite.Core.Validation;

/// <summary>One thing wrong with a flow: where (YAML path, 1-based line and column), what kind, and a sentence for a person.</summary>
public sealed record Violation(string Path, int Line, int Column, ViolationKind Kind, string Message)
{
    public override string ToString() =>
        Path.Length == 0 ? $"{Line}:{Column}: {Message}" : $"{Path} ({Line}:{Column}): {Message}";
}
