using Kite.Messaging.Contracts;
using MassTransit;

namespace Kite.Worker.Jobs;

/// <summary>
/// Runs the jobs of tasks that only wait (Sleep) from the waiting queue, exactly as <see cref="WorkerJobConsumer"/>
/// runs any other; a type of its own only so that the queue gets its own endpoint and concurrency.
/// </summary>
public sealed class WaitingJobConsumer(WorkerJobConsumer jobs) : IConsumer<WorkerJob>
{
    public Task Consume(ConsumeContext<WorkerJob> context) => jobs.Consume(context);
}
