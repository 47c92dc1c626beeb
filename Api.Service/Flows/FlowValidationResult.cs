using Kite.Api.Problems;

namespace Kite.Api.Flows;

/// <summary>The result of validating one YAML document: the flow it names (when readable) and its violations.</summary>
public sealed record FlowValidationResult(int Index, string? Namespace, string? Id, bool Valid, IReadOnlyList<ViolationBody> Violations, string? Constraints);
