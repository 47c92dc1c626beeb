using Kite.Engine.Tests.Fixtures;
using Kite.Integration.Tests.Fixtures;

namespace Kite.Engine.Tests;

/// <summary><c>retry.behavior: CREATE_NEW_EXECUTION</c> through the bus and the database: a chain of executions, one per attempt.</summary>
[Collection(EngineCollection.Name)]
public sealed class RetryInNewExecutionTests(EngineFixture engine)
{
    private sealed record Link(string Id, string State, int Attempt, DateTimeOffset Start, DateTimeOffset? OriginalCreated, DateTimeOffset? Scheduled, string? OriginalId);

    [Fact]
    public async Task A_task_that_fails_twice_is_retried_in_two_new_executions_and_the_third_succeeds()
    {
        // The kv counter survives from one execution to the next: attempts 1 and 2 fail, attempt 3 succeeds.
        var first = await engine.StartAsync("""
            id: flaky-chain
            namespace: kite.retry.chain
            tasks:
              - id: previous
                type: io.kestra.plugin.core.kv.Get
                key: tries
              - id: count
                type: io.kestra.plugin.core.kv.Set
                key: tries
                value: "{{ (outputs.previous.value ?? 0) + 1 }}"
                kvType: NUMBER
              - id: flaky
                type: io.kestra.plugin.core.execution.Fail
                condition: "{{ (outputs.previous.value ?? 0) < 2 }}"
                retry:
                  behavior: CREATE_NEW_EXECUTION
                  type: constant
                  interval: PT0.3S
                  maxAttempts: 5
            """);

        var chain = await Eventually.BecomesAsync(() => ChainAsync(first), c => c.Exists(e => e.State == "SUCCESS"), "the chain has a successful execution");

        Assert.Equal(["RETRIED", "RETRIED", "SUCCESS"], chain.Select(e => e.State));
        Assert.Equal([1, 2, 3], chain.Select(e => e.Attempt));
        Assert.Null(chain[0].OriginalCreated);
        Assert.All(chain.Skip(1), e => Assert.Equal(chain[0].Start, e.OriginalCreated));
        Assert.All(chain.Skip(1), e => Assert.Equal(first, e.OriginalId));
        Assert.All(chain.Skip(1), e => Assert.True(e.Scheduled >= e.Start + TimeSpan.FromSeconds(0.3), $"{e.Id} is scheduled after the retry interval"));
        var retried = await engine.ReadAsync(chain[0].Id);
        Assert.Equal("RETRIED", retried.Run("flaky").State);
        Assert.Equal(["CREATED", "RUNNING", "SUCCESS"], await engine.HistoryAsync(chain[2].Id));
    }

    [Fact]
    public async Task When_maxAttempts_is_reached_the_last_execution_fails_and_no_other_is_created()
    {
        var first = await engine.StartAsync("""
            id: hopeless-chain
            namespace: kite.retry.chain
            tasks:
              - id: broken
                type: io.kestra.plugin.core.execution.Fail
                retry:
                  behavior: CREATE_NEW_EXECUTION
                  type: constant
                  interval: PT0.2S
                  maxAttempts: 2
            """);

        // The step that fails the last execution would have written the next one in the same transaction.
        var chain = await Eventually.BecomesAsync(() => ChainAsync(first), c => c.Exists(e => e.State == "FAILED"), "the chain has a failed execution");

        Assert.Equal(["RETRIED", "FAILED"], chain.Select(e => e.State));
        Assert.Equal([1, 2], chain.Select(e => e.Attempt));
        Assert.Equal("FAILED", (await engine.ReadAsync(chain[1].Id)).Run("broken").State);
    }

    private Task<List<Link>> ChainAsync(string first) =>
        MigratedDatabase.QueryAsync(engine.Database,
            $"""
            SELECT id, state, attempt, start_date, original_created_date, schedule_date, original_id FROM executions
            WHERE deleted = false AND (id = '{first}' OR original_id = '{first}') ORDER BY attempt
            """,
            r => new Link(r.GetString(0), r.GetString(1), r.GetInt32(2), r.GetFieldValue<DateTimeOffset>(3),
                r.IsDBNull(4) ? null : r.GetFieldValue<DateTimeOffset>(4), r.IsDBNull(5) ? null : r.GetFieldValue<DateTimeOffset>(5), r.IsDBNull(6) ? null : r.GetString(6)));
}
