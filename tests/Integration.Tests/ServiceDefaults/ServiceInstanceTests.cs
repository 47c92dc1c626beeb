using Kite.Integration.Tests.Fixtures;

namespace Kite.Integration.Tests.ServiceDefaults;

[Collection(InfrastructureCollection.Name)]
public sealed class ServiceInstanceTests(Infrastructure infrastructure)
{
    [Fact]
    public async Task A_running_service_keeps_a_heartbeat_row_and_marks_it_stopped_on_graceful_shutdown()
    {
        var db = await MigratedDatabase.CreateAsync(infrastructure);
        var service = await TestService.StartAsync(db, infrastructure.RabbitMqConnectionString, serviceName: "worker");

        var first = await Eventually.BecomesAsync(() => ReadAsync(db), rows => rows.Count == 1, "one instance row exists");
        Assert.Equal(("worker", "RUNNING", Environment.ProcessId), (first[0].Type, first[0].State, first[0].Pid));
        await Eventually.BecomesAsync(() => ReadAsync(db), rows => rows[0].Heartbeat > first[0].Heartbeat, "the heartbeat advances");

        await service.DisposeAsync();

        Assert.Equal("STOPPED", (await ReadAsync(db)).Single().State);
    }

    [Fact]
    public async Task A_shutdown_whose_timeout_ran_out_stops_without_marking_the_row_and_without_throwing()
    {
        var db = await MigratedDatabase.CreateAsync(infrastructure);
        var service = await TestService.StartAsync(db, infrastructure.RabbitMqConnectionString, serviceName: "worker");
        await Eventually.BecomesAsync(() => ReadAsync(db), rows => rows.Count == 1, "one instance row exists");

        // A host whose shutdown timeout already ran out: every StopAsync gets a cancelled token.
        await service.App.StopAsync(new CancellationToken(canceled: true));

        Assert.Equal("RUNNING", (await ReadAsync(db)).Single().State);
        await service.App.DisposeAsync();
    }

    [Fact]
    public async Task Rows_of_instances_silent_beyond_the_retention_are_deleted_when_an_instance_starts()
    {
        var db = await MigratedDatabase.CreateAsync(infrastructure);
        await MigratedDatabase.QueryAsync(db,
            "INSERT INTO service_instance (id, service_type, host, process_id, state, started_at, heartbeat_at) " +
            "VALUES ('old', 'worker', 'gone', 1, 'RUNNING', now() - interval '3 days', now() - interval '2 days') RETURNING id",
            r => r.GetString(0));

        await using var service = await TestService.StartAsync(db, infrastructure.RabbitMqConnectionString);

        await Eventually.BecomesAsync(() => ReadAsync(db), rows => rows.Count == 1 && rows[0].Type == "test-service", "only the live instance remains");
    }

    private static Task<List<(string Type, string State, int Pid, DateTime Heartbeat)>> ReadAsync(string db) =>
        MigratedDatabase.QueryAsync(db, "SELECT service_type, state, process_id, heartbeat_at FROM service_instance ORDER BY started_at",
            r => (r.GetString(0), r.GetString(1), r.GetInt32(2), r.GetDateTime(3)));
}
