using Kite.Core.Validation;

namespace Kite.Api.Problems;

/// <summary>A flow violation as the API shows it: the YAML path, where it is, and why.</summary>
public sealed record ViolationBody(string Path, int Line, int Column, string Kind, string Message)
{
    public static ViolationBody Of(Violation v) => new(v.Path, v.Line, v.Column, v.Kind.ToString(), v.Message);
}
