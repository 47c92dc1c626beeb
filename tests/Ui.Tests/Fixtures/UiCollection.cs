using Kite.Ui.Tests.Fixtures;

namespace Kite.Ui.Tests;

[CollectionDefinition(Name)]
public sealed class UiCollection : ICollectionFixture<UiFixture>
{
    public const string Name = "ui";
}
