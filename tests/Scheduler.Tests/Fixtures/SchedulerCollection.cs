namespace Kite.Scheduler.Tests.Fixtures;

[CollectionDefinition(Name)]
public sealed class SchedulerCollection : ICollectionFixture<SchedulerFixture>
{
    public const string Name = "scheduler";
}
