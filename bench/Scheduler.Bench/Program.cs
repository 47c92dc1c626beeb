using System.Diagnostics;
using System.Diagnostics.Metrics;
using Kite.Engine.Tests.Fixtures;
using Kite.Scheduler.Bench;
using Kite.Scheduler.Evaluation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

const int Triggers = 10_000, Executions = 100_000, Locked = 1_000, SameSecond = 1_000, Ticks = 300;

var engine = new EngineFixture();
await engine.InitializeAsync();
try
{
    await using var database = NpgsqlDataSource.Create(engine.Database);
    await Seed.WriteAsync(database, Triggers, Executions, Locked);
    Console.WriteLine($"seeded {Triggers} triggers ({Locked} locked by running executions), {Executions} executions");

    // The loops are driven by hand here: Quartz's ticks are pushed a day away.
    var scheduler = engine.Host("scheduler-bench", builder =>
    {
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Kite:Scheduler:EvaluationInterval"] = "1.00:00:00",
            ["Kite:Scheduler:MonitoringInterval"] = "1.00:00:00",
            ["Kite:Scheduler:BackfillInterval"] = "1.00:00:00",
        });
        Kite.Scheduler.Extensions.Extensions.AddApplicationServices(builder);
    });
    await scheduler.StartAsync();
    var loop = scheduler.Services.GetRequiredService<EvaluationLoop>();
    await loop.TickAsync(CancellationToken.None);

    // Scenario 1: the evaluation loop's tick when nothing is due (its usual second), and with 10 due.
    var idle = new List<double>();
    for (var i = 0; i < Ticks; i++)
    {
        var started = Stopwatch.GetTimestamp();
        await loop.TickAsync(CancellationToken.None);
        idle.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    Console.WriteLine($"evaluation tick, none due: {Percentiles.Describe(idle)}");

    // A running scheduler has its flows parsed after their first fire; the cold first fire is measured apart below.
    var cache = scheduler.Services.GetRequiredService<Kite.Data.Flows.FlowCache>();
    foreach (var n in Enumerable.Range(Locked + 1, 500).Concat(Enumerable.Range(Triggers - SameSecond, SameSecond)))
    {
        await cache.GetAsync(Seed.Namespace, $"f{n}", 1, CancellationToken.None);
    }

    var busy = new List<double>();
    await using (var connection = await database.OpenConnectionAsync())
    {
        for (var i = 0; i < 50; i++)
        {
            await Seed.Execute(connection,
                "UPDATE triggers SET next_execution_date = now() - interval '1 second' WHERE trigger_id = 'schedule' AND flow_id = ANY(@flows)",
                ("flows", Enumerable.Range(Locked + 1 + i * 10, 10).Select(n => $"f{n}").ToArray()));
            var started = Stopwatch.GetTimestamp();
            var evaluated = await loop.TickAsync(CancellationToken.None);
            busy.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if (evaluated < 10)
            {
                throw new InvalidOperationException($"expected at least the 10 due triggers, the tick evaluated {evaluated}");
            }
        }

        Console.WriteLine($"evaluation tick, 10 due (10 executions created): {Percentiles.Describe(busy)}");
        await using var plan = new NpgsqlCommand(
            "EXPLAIN (ANALYZE, BUFFERS) SELECT namespace, flow_id, trigger_id, flow_revision, type, next_execution_date FROM triggers " +
            "WHERE next_execution_date <= now() AND execution_id IS NULL AND disabled = false AND evaluate_running_date IS NULL " +
            "ORDER BY next_execution_date LIMIT 1000 FOR UPDATE SKIP LOCKED", connection);
        await using var reader = await plan.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            Console.WriteLine("  plan: " + reader.GetString(0));
        }
    }

    // Scenario 2: 1,000 schedules due in the same second; lateness from the slot to the commit of its execution.
    var lateness = new List<double>();
    using var listener = new MeterListener();
    listener.InstrumentPublished = (instrument, l) =>
    {
        if (instrument.Name == "kite.scheduler.fire.lateness")
        {
            l.EnableMeasurementEvents(instrument);
        }
    };
    listener.SetMeasurementEventCallback<double>((_, value, _, _) =>
    {
        lock (lateness)
        {
            lateness.Add(value);
        }
    });
    listener.Start();
    var slot = DateTimeOffset.UtcNow.AddSeconds(2);
    slot = slot.AddTicks(-(slot.UtcTicks % TimeSpan.TicksPerSecond));
    await using (var connection = await database.OpenConnectionAsync())
    {
        await Seed.Execute(connection,
            "UPDATE triggers SET next_execution_date = @slot WHERE trigger_id = 'schedule' AND flow_id = ANY(@flows)",
            ("slot", slot), ("flows", Enumerable.Range(Triggers - SameSecond, SameSecond).Select(n => $"f{n}").ToArray()));
    }

    await Task.Delay(slot - DateTimeOffset.UtcNow);
    var tick = Stopwatch.GetTimestamp();
    var fired = await loop.TickAsync(CancellationToken.None);
    Console.WriteLine($"same second: one tick started at the slot evaluated {fired} triggers in {Stopwatch.GetElapsedTime(tick).TotalMilliseconds:F0} ms");
    Console.WriteLine($"fire lateness (slot to commit), {SameSecond} due in the same second: {Percentiles.Describe(lateness)}");
    try
    {
        await scheduler.StopAsync();
        await scheduler.DisposeAsync();
    }
    catch (OperationCanceledException)
    {
        // The executor is still starting the 1,000 executions; the numbers are in.
    }
}
finally
{
    await engine.DisposeAsync();
}
