using System.Text.Json.Nodes;

namespace Kite.Api.Executions;

/// <summary>An execution in Kestra's JSON shape (<c>flowId</c>, <c>state.current</c>, <c>state.histories</c>, <c>taskRunList</c>...).</summary>
public sealed record ExecutionResponse(
    string Id,
    string Namespace,
    string FlowId,
    int FlowRevision,
    JsonNode? Inputs,
    JsonNode? Outputs,
    JsonNode? Variables,
    IReadOnlyList<LabelBody> Labels,
    ExecutionStateBody State,
    IReadOnlyList<JsonObject>? TaskRunList,
    string? ParentId,
    string? OriginalId,
    JsonNode? Trigger,
    bool Deleted,
    ExecutionMetadata Metadata,
    DateTimeOffset? ScheduleDate);
