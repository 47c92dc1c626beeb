using Kite.Engine.Tests.Fixtures;
using Kite.Executor.Outbox;
using Kite.Integration.Tests.Fixtures;
using Kite.Messaging.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Kite.Engine.Tests;

/// <summary>What happens to outbox rows once their step committed: sent, then deleted without a commit of their own.</summary>
[Collection(EngineCollection.Name)]
public sealed class OutboxDeletionTests(EngineFixture engine)
{
    private const string TwoLogs = """
        id: outbox_two_logs
        namespace: kite.outbox
        tasks:
          - id: first
            type: io.kestra.plugin.core.log.Log
            message: one
          - id: second
            type: io.kestra.plugin.core.log.Log
            message: two
        """;

    [Fact]
    public async Task The_outbox_rows_of_ended_executions_are_deleted_once_sent()
    {
        var ids = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => engine.StartAsync(TwoLogs)));
        foreach (var id in ids)
        {
            Assert.Equal("SUCCESS", (await engine.WaitForEndAsync(id)).State);
        }

        await Eventually.BecomesAsync(OutboxRowsAsync, n => n == 0, "every sent outbox row is deleted", TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_message_a_step_committed_but_did_not_send_is_sent_by_the_sweeper_and_then_deleted()
    {
        // As if the executor died between the commit and the send: the row is there, the message never left.
        var id = await engine.CreateAsync(TwoLogs);
        await using (var db = engine.Context())
        {
            db.Outbox.Add(OutboxMessages.ToEveryone(new ExecutionCreated(id), DateTimeOffset.UtcNow - TimeSpan.FromMinutes(1)));
            await db.SaveChangesAsync();
        }

        // Well within StaleAfter (1 min), after which the stale execution sweeper would start it instead.
        Assert.Equal("SUCCESS", (await engine.WaitForEndAsync(id, TimeSpan.FromSeconds(40))).State);
        await Eventually.BecomesAsync(OutboxRowsAsync, n => n == 0, "the swept row is deleted", TimeSpan.FromSeconds(10));
    }

    private async Task<int> OutboxRowsAsync()
    {
        await using var db = engine.Context();
        return await db.Outbox.CountAsync();
    }
}
