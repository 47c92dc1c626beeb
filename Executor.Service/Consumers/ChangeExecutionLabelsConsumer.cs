using System.Text.Json;
using Kite.Core.Executions.Events;
using Kite.Executor.Steps;
using Kite.Messaging.Contracts;
using MassTransit;

namespace Kite.Executor.Consumers;

public sealed class ChangeExecutionLabelsConsumer(ExecutionSteps steps) : IConsumer<ChangeExecutionLabels>
{
    public Task Consume(ConsumeContext<ChangeExecutionLabels> context) =>
        steps.RunAsync(context.Message.ExecutionId, [new LabelsReplaced(JsonSerializer.Deserialize<Dictionary<string, string>>(context.Message.Labels) ?? [])]);
}
