using Kite.Engine.Tests.Fixtures;
using Kite.Integration.Tests.Fixtures;
using Kite.Messaging.Contracts;

namespace Kite.Engine.Tests;

/// <summary>Sleeps run from the workers' waiting queue: they never take the slots of the tasks that work.</summary>
[Collection(EngineCollection.Name)]
public sealed class WaitingTaskTests(EngineFixture engine)
{
    [Fact]
    public async Task More_sleeps_than_the_worker_has_task_slots_run_at_once_and_other_tasks_still_run()
    {
        // The worker's default Kite:Worker:Concurrency is 8 per core: four more sleeps than that would fill every slot.
        var sleeps = (8 * Environment.ProcessorCount) + 4;
        var ids = new List<string>();
        for (var i = 0; i < sleeps; i++)
        {
            ids.Add(await engine.StartAsync("""
                id: long_nap
                namespace: kite.waits
                tasks:
                  - id: nap
                    type: io.kestra.plugin.core.flow.Sleep
                    duration: PT10M
                """));
        }

        try
        {
            foreach (var id in ids)
            {
                await Eventually.BecomesAsync(() => engine.ReadAsync(id), e => e.TaskRuns.Count == 1 && e.TaskRuns[0].State == "RUNNING", $"sleep {id} runs");
            }

            var working = await engine.RunAsync("""
                id: works_beside_the_naps
                namespace: kite.waits
                tasks:
                  - id: say
                    type: io.kestra.plugin.core.log.Log
                    message: not held up by sleeps
                """, timeout: TimeSpan.FromSeconds(60));

            Assert.Equal("SUCCESS", working.State);
            foreach (var id in ids)
            {
                Assert.Equal("RUNNING", (await engine.ReadAsync(id)).State);
            }
        }
        finally
        {
            foreach (var id in ids)
            {
                await engine.PublishAsync(new KillExecution(id));
            }

            foreach (var id in ids)
            {
                Assert.Equal("KILLED", (await engine.WaitForEndAsync(id, TimeSpan.FromSeconds(60))).State);
            }
        }
    }
}
