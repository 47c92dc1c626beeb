using System.Text.Json;
using Kite.Api.Live;
using Kite.Core.Executions;
using Kite.Messaging;
using Kite.Messaging.Contracts;
using MassTransit;

namespace Kite.Api.Executions;

/// <summary>
/// Starts an execution the one way the Api does: the CREATED row, then ExecutionCreated to the executor. With
/// <c>wait</c>, the replica subscribes to the execution's changes before the row exists, so its end is never missed.
/// </summary>
public sealed class ExecutionLauncher(ExecutionStore executions, IPublishEndpoint bus, ExecutionFollower follower, TimeProvider clock, ILogger<ExecutionLauncher> logger)
{
    private static readonly JsonSerializerOptions InputJson = new(JsonSerializerOptions.Web) { Converters = { new IsoDurationConverter() } };

    /// <param name="id">The id chosen beforehand, when files were stored under it (FILE inputs); a new one otherwise.</param>
    public NewExecution Prepare(
        string @namespace,
        string flowId,
        int revision,
        IReadOnlyDictionary<string, object?> inputs,
        IReadOnlyList<LabelBody> labels,
        DateTimeOffset? scheduleDate,
        object? trigger = null,
        string? id = null)
    {
        // To the microsecond, as PostgreSQL keeps it: the answer built from this (LaunchAsync) then equals a later read.
        var now = PostgresTime.Truncate(clock.GetUtcNow());
        return new NewExecution(
            id ?? ExecutionIds.New(),
            @namespace,
            flowId,
            revision,
            now,
            scheduleDate is { } date ? PostgresTime.Truncate(date) : null,
            JsonSerializer.Serialize(inputs, InputJson),
            JsonSerializer.Serialize(labels, JsonSerializerOptions.Web),
            JsonSerializer.Serialize(new[] { new StateHistoryEntry(Core.Executions.State.Created.ToKestraName(), now) }, JsonSerializerOptions.Web),
            trigger is null ? null : JsonSerializer.Serialize(trigger, InputJson));
    }

    /// <summary>
    /// The execution as created (state CREATED, as Kestra answers), or with <paramref name="wait"/> as it ended; null
    /// only when a waited-for execution was deleted meanwhile.
    /// </summary>
    public async Task<ExecutionResponse?> LaunchAsync(NewExecution execution, bool wait, CancellationToken cancellationToken)
    {
        if (wait)
        {
            return await follower.CreateAndWaitAsync(execution.Id, () => StartAsync(execution, cancellationToken), cancellationToken);
        }

        await StartAsync(execution, cancellationToken);
        // Built from what was inserted rather than read back: two round trips fewer per execution.
        return ExecutionRow.Inserted(execution, clock.GetUtcNow());
    }

    private async Task StartAsync(NewExecution execution, CancellationToken cancellationToken)
    {
        await executions.InsertCreatedAsync(execution, cancellationToken);
        await AnnounceAsync(execution.Id, cancellationToken);
    }

    /// <summary>Tells the executor that a committed CREATED execution is there to start.</summary>
    public async Task AnnounceAsync(string executionId, CancellationToken cancellationToken)
    {
        try
        {
            await BusDeadline.WithinAsync(token => bus.Publish(new ExecutionCreated(executionId), token), cancellationToken);
        }
        catch (BrokerTimeoutException e)
        {
            // The CREATED row is committed: the executor's stale-execution sweeper starts it.
            logger.LogWarning("Execution {ExecutionId} is created but its start was not confirmed ({Reason}); the executor's sweeper will start it", executionId, e.Message);
        }
    }
}
