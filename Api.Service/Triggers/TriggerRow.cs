using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kite.Api.Triggers;

/// <summary>A <c>triggers</c> row with what its flow revision says of it: its definition and whether the flow is disabled.</summary>
public sealed record TriggerRow(TriggerBody Context, string Type, JsonObject? Definition, bool FlowDisabled)
{
    public const string ScheduleType = "io.kestra.plugin.core.trigger.Schedule";

    public string Name => $"{Context.Namespace}.{Context.FlowId}.{Context.TriggerId}";

    public bool IsSchedule => Type == ScheduleType;

    /// <summary>Disabled by the flow's YAML (the flow or the trigger itself): the Api cannot enable it, only a save can.</summary>
    public bool DisabledInFlow => FlowDisabled || Definition?["disabled"]?.GetValueKind() == JsonValueKind.True;

    public bool Locked => Context.ExecutionId is not null || Context.EvaluateRunningDate is not null;
}
