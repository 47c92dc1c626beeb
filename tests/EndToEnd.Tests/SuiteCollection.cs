using Kite.EndToEnd.Tests.Fixtures;

namespace Kite.EndToEnd.Tests;

[CollectionDefinition(Name)]
public sealed class SuiteCollection : ICollectionFixture<RunningSuite>
{
    public const string Name = "suite";
}
