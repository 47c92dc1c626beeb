namespace Kite.Integration.Tests.Fixtures;

[CollectionDefinition(Name)]
public sealed class InfrastructureCollection : ICollectionFixture<Infrastructure>
{
    public const string Name = "infrastructure";
}
