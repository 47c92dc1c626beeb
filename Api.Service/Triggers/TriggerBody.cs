using System.Text.Json.Serialization;

namespace Kite.Api.Triggers;

/// <summary>
/// A trigger's state as Kestra's JSON writes its trigger context (<c>io.kestra.core.models.triggers.Trigger</c>):
/// what <c>GET /triggers/{namespace}/{flowId}</c> lists and every trigger route answers. A locked schedule has an
/// <see cref="ExecutionId"/>; a polling trigger being evaluated has an <see cref="EvaluateRunningDate"/>.
/// Empty values are written as null so that every trigger has the same fields.
/// </summary>
public sealed record TriggerBody(
    string Namespace,
    string FlowId,
    string TriggerId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] DateTimeOffset? Date,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] DateTimeOffset? NextExecutionDate,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? ExecutionId,
    DateTimeOffset UpdatedDate,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] DateTimeOffset? EvaluateRunningDate,
    bool Disabled,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] BackfillBody? Backfill);
