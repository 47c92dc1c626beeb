using Kite.EndToEnd.Tests.Fixtures;

namespace Kite.EndToEnd.Tests;

/// <summary>The tests that share one <see cref="ScaledSuite"/>, so the replicas start once for all of them.</summary>
[CollectionDefinition(Name)]
public sealed class ScaledSuiteCollection : ICollectionFixture<ScaledSuite>
{
    public const string Name = "scaled suite";
}
