using Kite.Data.Metrics;
using Kite.Data.Records;
using Kite.Integration.Tests.Fixtures;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Kite.Integration.Tests.Data;

[Collection(InfrastructureCollection.Name)]
public sealed class MetricWriterTests(Infrastructure infrastructure)
{
    [Fact]
    public async Task Metrics_written_before_a_flush_are_all_readable_by_execution_in_order_with_their_tags()
    {
        var database = await MigratedDatabase.CreateAsync(infrastructure);
        await using var dataSource = NpgsqlDataSource.Create(database);
        var writer = new MetricWriter(dataSource, TimeProvider.System, NullLogger<MetricWriter>.Instance);
        await writer.StartAsync(CancellationToken.None);
        var start = DateTimeOffset.UtcNow;

        for (var i = 0; i < 2_500; i++)
        {
            await writer.WriteAsync(new MetricRecord
            {
                Namespace = "company",
                FlowId = "etl",
                ExecutionId = i % 2 == 0 ? "even" : "odd",
                TaskRunId = "run",
                TaskId = "t",
                Name = "rows",
                Type = i % 5 == 0 ? "timer" : "counter",
                Value = i,
                Tags = i == 0 ? """{"table": "orders"}""" : null,
                Timestamp = start.AddMilliseconds(i),
            }, CancellationToken.None);
        }

        await writer.FlushAsync(CancellationToken.None);

        var even = await MigratedDatabase.QueryAsync(database,
            "SELECT value, type, tags::text FROM metrics WHERE execution_id = 'even' ORDER BY timestamp", r => (r.GetDouble(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2)));
        Assert.Equal(1_250, even.Count);
        Assert.Equal(Enumerable.Range(0, 1_250).Select(i => (double)(i * 2)), even.Select(m => m.Item1));
        Assert.Equal(("timer", """{"table": "orders"}"""), (even[0].Item2, even[0].Item3));
        await writer.StopAsync(CancellationToken.None);
    }
}
