namespace Kite.Core.Inputs;

/// <summary>The typed values of an execution's inputs (defaults filled in), and one error per refused input.</summary>
public sealed record InputResolution(IReadOnlyDictionary<string, object?> Values, IReadOnlyList<InputError> Errors)
{
    public bool IsValid => Errors.Count == 0;
}
