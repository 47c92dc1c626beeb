using Kite.Data.Storage;
using Kite.Integration.Tests.Fixtures;
using Npgsql;

namespace Kite.Integration.Tests.Data.Storage;

[Collection(InfrastructureCollection.Name)]
public sealed class PostgresStorageTests(Infrastructure infrastructure) : InternalStorageContract, IAsyncDisposable
{
    private readonly List<NpgsqlDataSource> dataSources = [];

    protected override async Task<IInternalStorage> CreateAsync()
    {
        var dataSource = NpgsqlDataSource.Create(await MigratedDatabase.CreateAsync(infrastructure));
        dataSources.Add(dataSource);
        return new PostgresStorage(dataSource);
    }

    [Fact]
    public async Task A_file_written_through_one_node_reads_through_another_one_on_the_same_database()
    {
        var database = await MigratedDatabase.CreateAsync(infrastructure);
        await using var first = NpgsqlDataSource.Create(database);
        await using var second = NpgsqlDataSource.Create(database);
        var uri = StorageUri.ForTaskRun("company", "etl", "e1", "t", "r", "shared.txt");

        await new PostgresStorage(first).PutAsync(uri, new MemoryStream("from node one"u8.ToArray()), CancellationToken.None);

        await using var read = await new PostgresStorage(second).OpenAsync(uri, CancellationToken.None);
        Assert.Equal("from node one", await new StreamReader(read!).ReadToEndAsync());
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var dataSource in dataSources)
        {
            await dataSource.DisposeAsync();
        }
    }
}
