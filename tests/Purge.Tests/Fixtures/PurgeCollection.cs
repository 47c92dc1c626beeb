namespace Kite.Purge.Tests.Fixtures;

[CollectionDefinition(Name)]
public sealed class PurgeCollection : ICollectionFixture<PurgeFixture>
{
    public const string Name = "purge";
}
